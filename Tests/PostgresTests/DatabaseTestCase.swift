import Postgres
import TestSupport
import XCTest

/// A test case with a connection to its own fresh database.
class DatabaseTestCase: XCTestCase {
    var databaseURL = ""
    var connection: Connection!

    override func setUpWithError() throws {
        try super.setUpWithError()
        databaseURL = try TestCluster.shared.freshDatabase()
        connection = try Connection(databaseURL)
    }

    override func tearDownWithError() throws {
        connection?.close()
        connection = nil
        try super.tearDownWithError()
    }

    /// The single value of a one-row, one-column query.
    func scalar(_ sql: String, _ params: [any PostgresBindable] = []) throws -> String? {
        let result = try connection.query(sql, params)
        XCTAssertEqual(result.rows.count, 1, sql)
        return result.first?[0]
    }

    /// Runs `body` and returns its error as a PostgresError, failing if it does not throw one.
    func postgresError(_ body: () throws -> Void, file: StaticString = #filePath, line: UInt = #line) -> PostgresError? {
        do {
            try body()
            XCTFail("expected a PostgresError", file: file, line: line)
        } catch let error as PostgresError {
            return error
        } catch {
            XCTFail("expected a PostgresError, got \(error)", file: file, line: line)
        }
        return nil
    }
}
