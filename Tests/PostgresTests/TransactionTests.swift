import Postgres
import XCTest

final class TransactionTests: DatabaseTestCase {
    private struct Refusal: Error {}

    override func setUpWithError() throws {
        try super.setUpWithError()
        try connection.simpleQuery("CREATE TABLE items (id int PRIMARY KEY)")
    }

    func testCommitsAndReturnsTheBodysValue() throws {
        let value = try connection.transaction {
            try connection.execute("INSERT INTO items VALUES (1), (2)")
        }
        XCTAssertEqual(value, 2)
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try scalar("SELECT count(*) FROM items"), "2")
    }

    func testRollsBackAndRethrowsTheBodysError() throws {
        XCTAssertThrowsError(
            try connection.transaction {
                try connection.execute("INSERT INTO items VALUES (1)")
                throw Refusal()
            }
        ) { XCTAssertTrue($0 is Refusal, "got \($0)") }
        XCTAssertFalse(connection.isInTransaction)
        XCTAssertEqual(try scalar("SELECT count(*) FROM items"), "0")
    }

    func testRollsBackOnAServerError() throws {
        let error = postgresError {
            try self.connection.transaction {
                try self.connection.execute("INSERT INTO items VALUES (1)")
                try self.connection.execute("INSERT INTO items VALUES (1)")
            }
        }
        XCTAssertEqual(error?.isUniqueViolation, true)
        XCTAssertEqual(try scalar("SELECT count(*) FROM items"), "0")
    }

    func testCommitOfAFailedTransactionThrows() throws {
        let error = postgresError {
            try self.connection.transaction {
                try self.connection.execute("INSERT INTO items VALUES (1)")
                _ = try? self.connection.execute("INSERT INTO items VALUES (1)")
            }
        }
        XCTAssertEqual(error?.sqlState, "25P02")
        XCTAssertEqual(try scalar("SELECT count(*) FROM items"), "0")
    }

    func testNestedTransactionsUseSavepoints() throws {
        try connection.transaction {
            try connection.execute("INSERT INTO items VALUES (1)")
            XCTAssertThrowsError(
                try connection.transaction {
                    try connection.execute("INSERT INTO items VALUES (2)")
                    throw Refusal()
                })
            try connection.transaction { try connection.execute("INSERT INTO items VALUES (3)") }
        }
        XCTAssertEqual(try connection.query("SELECT id FROM items ORDER BY id").map { $0["id"] }, ["1", "3"])
    }
}
