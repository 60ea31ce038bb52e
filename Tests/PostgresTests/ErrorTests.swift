import Postgres
import TestSupport
import XCTest

final class ErrorTests: DatabaseTestCase {
    func testUniqueViolationCarriesSQLStateAndDetail() throws {
        try connection.simpleQuery("CREATE TABLE users (email text PRIMARY KEY)")
        try connection.execute("INSERT INTO users VALUES ($1)", ["a@example.org"])
        let error = try XCTUnwrap(postgresError { try self.connection.execute("INSERT INTO users VALUES ($1)", ["a@example.org"]) })
        XCTAssertEqual(error.kind, .query)
        XCTAssertEqual(error.sqlState, "23505")
        XCTAssertTrue(error.isUniqueViolation)
        XCTAssertFalse(error.isSerializationFailure)
        XCTAssertEqual(error.detail, "Key (email)=(a@example.org) already exists.")
        XCTAssertEqual(error.constraint, "users_pkey")
        XCTAssertEqual(error.table, "users")
        XCTAssertEqual(error.schema, "public")
        XCTAssertFalse(error.description.contains("a@example.org"), "the value belongs in debugDescription only")
        XCTAssertTrue(error.debugDescription.contains("a@example.org"))
        XCTAssertTrue(error.debugDescription.contains("23505"))
        XCTAssertTrue(connection.isOpen, "a statement error leaves the connection usable")
        XCTAssertEqual(try scalar("SELECT count(*) FROM users"), "1")
    }

    func testRaisedExceptionCarriesMessageDetailAndHint() throws {
        let error = try XCTUnwrap(
            postgresError {
                try self.connection.simpleQuery(
                    """
                    DO $$ BEGIN
                      RAISE EXCEPTION 'seat taken' USING DETAIL = 'session 42', HINT = 'try the waitlist';
                    END $$
                    """)
            })
        XCTAssertTrue(error.isRaisedException)
        XCTAssertEqual(error.message, "seat taken")
        XCTAssertEqual(error.detail, "session 42")
        XCTAssertEqual(error.hint, "try the waitlist")
        XCTAssertEqual(error.description, "PostgreSQL query error: seat taken")
    }

    /// The names the server points at come as fields, whatever language it speaks: a NOT NULL
    /// violation names its column, a CHECK its constraint, a raise the names it was given.
    func testViolationsNameTheirTableColumnAndConstraint() throws {
        try connection.simpleQuery("CREATE TABLE seats (session text NOT NULL, taken int CONSTRAINT taken_positive CHECK (taken > 0))")
        let missing = try XCTUnwrap(postgresError { try self.connection.execute("INSERT INTO seats VALUES (NULL, 1)") })
        XCTAssertEqual(missing.sqlState, "23502")
        XCTAssertEqual(missing.table, "seats")
        XCTAssertEqual(missing.column, "session")
        let negative = try XCTUnwrap(postgresError { try self.connection.execute("INSERT INTO seats VALUES ('s', -1)") })
        XCTAssertTrue(negative.isCheckViolation)
        XCTAssertEqual(negative.constraint, "taken_positive")
        XCTAssertNil(negative.column)
        let raised = try XCTUnwrap(
            postgresError {
                try self.connection.simpleQuery(
                    "DO $$ BEGIN RAISE EXCEPTION 'moved' USING ERRCODE = 'CL409', TABLE = 'events', COLUMN = 'version', DATATYPE = 'int4'; END $$"
                )
            })
        XCTAssertEqual(raised.fields, PostgresErrorFields(table: "events", column: "version", dataType: "int4"))
        XCTAssertTrue(raised.debugDescription.contains("column: version"), raised.debugDescription)
        XCTAssertFalse(raised.description.contains("events"), "names belong in debugDescription only")
    }

    func testUndefinedTableAndSyntaxErrors() throws {
        XCTAssertTrue(postgresError { _ = try self.connection.query("SELECT * FROM missing_table") }?.isUndefinedTable == true)
        XCTAssertEqual(postgresError { try self.connection.simpleQuery("SELEKT 1") }?.sqlState, "42601")
    }

    func testConnectFailureNamesTheProblemButNotThePassword() throws {
        let urls = [
            "postgresql://citylab:s3cret-Pa55@127.0.0.1:1/citylab?connect_timeout=2",
            "host=127.0.0.1 port=1 user=citylab password=s3cret-Pa55 dbname=citylab connect_timeout=2",
        ]
        for url in urls {
            let error = try XCTUnwrap(postgresError { _ = try Connection(url) })
            XCTAssertEqual(error.kind, .connection)
            XCTAssertTrue(error.message.contains("127.0.0.1"), error.message)
            for text in [error.message, error.description, error.debugDescription, "\(error)", String(reflecting: error)] {
                XCTAssertFalse(text.contains("s3cret"), text)
            }
        }
    }

    func testUsingAClosedConnectionThrowsClosed() throws {
        connection.close()
        XCTAssertFalse(connection.isOpen)
        XCTAssertEqual(postgresError { _ = try self.connection.query("SELECT 1") }?.kind, .closed)
        connection.close()
    }

    func testATerminatedBackendIsAConnectionError() throws {
        let other = try Connection(databaseURL)
        defer { other.close() }
        let pid = connection.backendPID
        XCTAssertEqual(try other.query("SELECT pg_terminate_backend($1)", [pid]).first?["pg_terminate_backend"], "t")
        // The backend ends asynchronously; wait until the server no longer lists it.
        try poll(timeout: .seconds(10), "backend \(pid) to exit") {
            try other.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid]).isEmpty
        }
        XCTAssertEqual(postgresError { _ = try self.connection.query("SELECT 1") }?.kind, .connection)
        XCTAssertFalse(connection.isOpen)
    }
}
