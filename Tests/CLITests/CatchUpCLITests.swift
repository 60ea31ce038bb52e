import Foundation
import Postgres
import XCTest

/// A write brings the read models up to it before it exits (ARCHITECTURE §5): the tables, read
/// with plain SQL (read commands would catch up themselves), already show it.
final class CatchUpCLITests: XCTestCase {
    func checkpoints(_ connection: Connection) throws -> [String: Int64] {
        var positions: [String: Int64] = [:]
        for row in try connection.query("SELECT name, position FROM projection_checkpoints").rows {
            positions[try row.string("name")] = try row.int64("position")
        }
        return positions
    }

    func head(_ connection: Connection) throws -> Int64 {
        try connection.query("SELECT position FROM log_head").rows[0].int64("position")
    }

    func testAgendaAddIsInTheReadModelsWhenItExits() throws {
        let cli = try CLIHarness.fresh()
        try cli.openEdition()
        for arguments in [
            ["attendee", "register", "--id", "att_ana", "--name", "Ana", "--email", "ana@example.org", "--role", "mayor"],
            [
                "session", "schedule", "--id", "ses_mobility", "--title", "Mobility for all", "--room", "Sala 1", "--starts",
                "2026-10-14T10:00",
                "--ends", "2026-10-14T11:00", "--capacity", "10",
            ],
        ] {
            XCTAssertEqual(try cli.run(arguments: arguments).status, 0, "\(arguments)")
        }
        let add = try cli.run("agenda", "add", "att_ana", "ses_mobility")
        XCTAssertEqual(add.status, 0, add.stderr)
        let connection = try cli.connection()
        defer { connection.close() }
        let document = try connection.query("SELECT document::text AS document FROM agendas WHERE attendee = 'att_ana'").rows
        XCTAssertEqual(document.count, 1)
        XCTAssertTrue(try document[0].string("document").contains("ses_mobility"), "the agenda holds the seat just taken")
        let head = try head(connection)
        XCTAssertFalse(try checkpoints(connection).isEmpty)
        for (name, position) in try checkpoints(connection) { XCTAssertEqual(position, head, name) }
    }

    /// `sample load` writes too: its read models are current when it exits, even when the
    /// sample was already in the log (a database where nobody ran the projections yet).
    func testSampleLoadLeavesTheReadModelsCurrent() throws {
        let cli = try SampleTemplate.harness()
        let connection = try cli.connection()
        defer { connection.close() }
        let head = try head(connection)
        let attendees = "SELECT count(*) AS n FROM attendees"
        XCTAssertEqual(try connection.query(attendees).rows[0].int("n"), 0, "the template's read models start empty")
        let load = try cli.run("sample", "load")
        XCTAssertEqual(load.status, 0, load.stderr)
        XCTAssertTrue(load.stdout.contains("already loaded"), load.stdout)
        XCTAssertFalse(try checkpoints(connection).isEmpty)
        for (name, position) in try checkpoints(connection) { XCTAssertEqual(position, head, name) }
        XCTAssertEqual(try connection.query(attendees).rows[0].int("n"), 600)
    }
}
