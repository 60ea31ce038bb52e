import Postgres
import TestSupport
import XCTest

final class PreparedTests: DatabaseTestCase {
    func testAPreparedStatementRunsAgainWithNewParameters() throws {
        try connection.simpleQuery("CREATE TABLE notes (id int PRIMARY KEY, body text)")
        let sql = "INSERT INTO notes VALUES ($1, $2) RETURNING id"
        XCTAssertEqual(try connection.queryPrepared("add_note", sql, [1, "first \"quoted\""]).rows.first?.int("id"), 1)
        XCTAssertEqual(try connection.queryPrepared("add_note", sql, [2, #"back\slash"#]).rows.first?.int("id"), 2)
        let prepared = try connection.query("SELECT count(*) AS n FROM pg_prepared_statements WHERE name = 'add_note'")
        XCTAssertEqual(try prepared.rows.first?.int("n"), 1, "prepared once per session")
        XCTAssertEqual(try scalar("SELECT string_agg(body, '|' ORDER BY id) FROM notes"), #"first "quoted"|back\slash"#)
        let error = try XCTUnwrap(postgresError { _ = try self.connection.queryPrepared("add_note", sql, [1, "again"]) })
        XCTAssertTrue(error.isUniqueViolation, "an execution error is the statement's, and the session stays usable")
        XCTAssertEqual(try connection.queryPrepared("add_note", sql, [3, "third"]).rows.first?.int("id"), 3)
    }

    func testAFailedPrepareIsTriedAgain() throws {
        let sql = "SELECT count(*) AS n FROM later_table WHERE id = $1"
        XCTAssertNotNil(postgresError { _ = try self.connection.queryPrepared("count_later", sql, [1]) })
        try connection.simpleQuery("CREATE TABLE later_table (id int)")
        XCTAssertEqual(try connection.queryPrepared("count_later", sql, [1]).rows.first?.int("n"), 0)
    }

    func testArrayParametersKeepQuotesBackslashesAndNulls() throws {
        let texts: [String?] = ["plain", "with \"quote\"", #"with \ backslash"#, nil, "Bogotá, {braces}"]
        let rows = try connection.query(
            "SELECT coalesce(t, '<null>') AS t FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n", [texts])
        XCTAssertEqual(try rows.rows.map { try $0.string("t") }, texts.map { $0 ?? "<null>" })
    }
}
