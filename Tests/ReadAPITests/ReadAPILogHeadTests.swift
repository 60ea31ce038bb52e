import Events
import Foundation
import Postgres
import TestSupport
import XCTest

/// `GET /log/head` over a real socket: the log's head (position and hash, nothing else) as the
/// database holds it, following appends; ETag, 304 and HEAD. And the server reads as the
/// read-only role `citylab_reader` when the database has it.
final class ReadAPILogHeadTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
    }

    /// Set when a test made `citylab_reader` (a schema before migration 5): roles are the whole
    /// cluster's, so it goes again lest other tests' servers read as a role without grants.
    var createdRole = false

    override func tearDownWithError() throws {
        fixture?.stop()
        guard createdRole, let url = fixture?.url else { return }
        let connection = try Connection(url)
        defer { connection.close() }
        try connection.simpleQuery("DROP OWNED BY citylab_reader; DROP ROLE citylab_reader")
    }

    func testTheHeadFollowsTheLog() throws {
        try fixture.startServer()
        let first = try fixture.get("/log/head")
        XCTAssertEqual(first.status, 200, first.text)
        XCTAssertEqual(first.header("Content-Type"), "application/json")
        XCTAssertEqual(first.text, try expected(), "position and hash, nothing else")
        let etag = try XCTUnwrap(first.header("ETag"))
        XCTAssertEqual(try fixture.get("/log/head", [("If-None-Match", etag)]).status, 304)
        let head = try fixture.get("/log/head", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertEqual(head.header("Content-Length"), String(first.body.count))
        XCTAssertEqual(try fixture.get("/log/head", method: "POST").status, 405)

        try fixture.register("cy", "Cy Twombly")
        let moved = try expected()
        XCTAssertNotEqual(moved, first.text)
        try poll(timeout: .seconds(10), "/log/head to show the new head") { try fixture.get("/log/head").text == moved }
        XCTAssertEqual(try fixture.get("/log/head", [("If-None-Match", etag)]).status, 200, "a new head is a new representation")
    }

    /// With the role present, the server's read connections take it: once the role may no longer
    /// read the head, the server cannot either, although its login (a superuser) could.
    func testTheServerReadsAsTheReadOnlyRole() throws {
        let exists = try fixture.connection.query("SELECT 1 AS one FROM pg_roles WHERE rolname = 'citylab_reader'").first != nil
        if !exists {
            try fixture.connection.simpleQuery("CREATE ROLE citylab_reader NOLOGIN")
            createdRole = true
        }
        try fixture.connection.simpleQuery(
            """
            GRANT USAGE ON SCHEMA public TO citylab_reader;
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO citylab_reader;
            REVOKE SELECT ON log_head FROM citylab_reader;
            """)
        try fixture.startServer()
        try poll(timeout: .seconds(10), "/health to say the database cannot be read") { try fixture.get("/health").status == 503 }
        XCTAssertNotEqual(try fixture.get("/log/head").status, 200)
        try fixture.connection.simpleQuery("GRANT SELECT ON log_head TO citylab_reader")
        try poll(timeout: .seconds(10), "/health to recover once the role may read the head") { try fixture.get("/health").status == 200 }
        XCTAssertEqual(try fixture.get("/log/head").text, try expected())
    }

    /// The body `/log/head` should answer: the head row, spelled with sorted keys.
    private func expected() throws -> String {
        let row = try XCTUnwrap(try fixture.connection.query("SELECT position, hash FROM log_head").first)
        return "{\"hash\":\"\(Hex.encode(try row.bytes("hash")))\",\"position\":\(try row.int64("position"))}"
    }
}
