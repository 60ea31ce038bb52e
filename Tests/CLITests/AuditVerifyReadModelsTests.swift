import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import XCTest

/// `audit verify` compares every read model with a fresh replay of the log: a log driven
/// through the CLI passes; a read-model row changed, deleted or added behind the projector's
/// back fails naming the read model, table and row; `projections rebuild --all` mends it.
final class AuditVerifyReadModelsTests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
        for name in ["ana", "bo", "chidi", "dana", "eve"] {
            try ok("attendee", "register", "--id", name, "--name", name.capitalized, "--email", "\(name)@example.org", "--role", "mayor")
        }
        try ok(schedule: "ses_s1", at: "10", capacity: "2")
        try ok(schedule: "ses_s2", at: "12", capacity: "1")
        try ok(schedule: "ses_s3", at: "14", capacity: "5")
        for name in ["ana", "bo", "chidi", "dana"] { try ok("agenda", "add", "\(name)@example.org", "ses_s1") }
        for name in ["ana", "bo", "eve"] { try ok("agenda", "add", "\(name)@example.org", "ses_s2") }
        try ok("agenda", "add", "chidi@example.org", "ses_s3")
        try ok("agenda", "drop", "ana@example.org", "ses_s1")
        try ok("session", "reschedule", "ses_s2", "--capacity", "2")
        try ok("session", "reschedule", "ses_s3", "--starts", "2026-10-15T09:00", "--room", "Sala 2")
        try ok("session", "cancel", "ses_s3", "--reason", "speaker unwell")
        try ok("attendee", "cancel", "dana@example.org", "--reason", "travel cancelled")
        _ = try PlacementScenario.run(cli)
    }

    func testAFreshLogMatchesThenEachCorruptionIsNamedAndARebuildMendsIt() throws {
        try assertMatches()

        try corrupt("UPDATE program SET seats_taken = seats_taken + 1 WHERE session = 'ses_s1'")
        var failure = try assertDiffers(model: "program", table: "program", row: ["session": "ses_s1"])
        XCTAssertTrue(failure.stderr.contains("seats_taken is 3, a replay gives 2"), failure.stderr)
        let program = try XCTUnwrap((try failure.json()["read_models"] as? [String: Any])?["program"] as? [String: Any])
        XCTAssertEqual(program["columns"] as? [String], ["seats_taken"])
        XCTAssertEqual((program["live"] as? [String: Any])?["seats_taken"] as? Int, 3)
        XCTAssertEqual((program["replay"] as? [String: Any])?["seats_taken"] as? Int, 2)
        try rebuild()

        try corrupt("DELETE FROM agendas WHERE attendee = 'att_bo'")
        failure = try assertDiffers(model: "agendas", table: "agendas", row: ["attendee": "att_bo"])
        XCTAssertTrue(failure.stderr.contains("is missing"), failure.stderr)
        try rebuild()

        try corrupt(
            """
            INSERT INTO placements SELECT 'plc_stray', scholar, scholar_name, scholar_email, university, opening, city, country, host,
              project, cohort, status, proposed_at, approved_at, confirmed_at, ended_at, note, reason, outcome, withdrawn_by,
              updated_position FROM placements WHERE placement = 'plc_1'
            """)
        failure = try assertDiffers(model: "placements", table: "placements", row: ["placement": "plc_stray"])
        XCTAssertTrue(failure.stderr.contains("should not be there"), failure.stderr)
        let skipped = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual(skipped.status, 0, skipped.stderr)
        XCTAssertEqual(try skipped.json()["read_models"] as? String, "skipped")
        try rebuild()
    }

    func testAPrivateHelperTableAndAStaleVersionAreCaughtToo() throws {
        try corrupt("UPDATE rosters SET kind = 'seat' WHERE session = 'ses_s2' AND attendee = 'att_eve'")
        try corrupt("UPDATE program_people SET name = 'Mallory' WHERE attendee = 'att_eve'")
        let failure = try assertDiffers(model: "program", table: "rosters", row: ["session": "ses_s2", "attendee": "att_eve"])
        XCTAssertTrue(failure.stderr.contains(#"kind is "seat", a replay gives "waitlist""#), failure.stderr)
        try rebuild()

        try corrupt("UPDATE projection_checkpoints SET version = version + 41 WHERE name = 'attendees'")
        let stale = try cli.run("audit", "verify")
        XCTAssertEqual(stale.status, 1, stale.stdout)
        XCTAssertTrue(stale.stderr.contains("read model 'attendees' was built by version 42"), stale.stderr)
    }

    /// Events appended without a catch-up leave the read models behind the head: they are
    /// compared with a replay up to their checkpoint, not the head, so nothing is reported.
    func testReadModelsBehindTheHeadAreComparedAtTheirCheckpoint() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let checkpoint = try connection.query("SELECT position FROM projection_checkpoints WHERE name = 'program'").rows[0].int64(
            "position")
        let runner = CommandRunner(store: EventStore(connection), context: CommandContext(actor: "test"))
        let add = Agenda.Add(attendee: try XCTUnwrap(AttendeeID("att_eve")), session: try XCTUnwrap(SessionID("ses_s1")))
        _ = try runner.run("test") { Decision(events: try Agenda.decide(add, $0), id: "x", message: "x") }
        XCTAssertGreaterThan(try cli.eventCount(), Int(checkpoint))
        let run = try cli.run("audit", "verify")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("at position \(checkpoint)"), run.stdout)
        XCTAssertTrue(run.stdout.contains("behind the head"), run.stdout)
    }

    // MARK: helpers

    func ok(_ arguments: String...) throws {
        let run = try cli.run(arguments: arguments)
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
    }

    func ok(schedule id: String, at hour: String, capacity: String) throws {
        try ok(
            "session", "schedule", "--id", id, "--title", "Session \(id)", "--room", "Sala 1", "--starts", "2026-10-14T\(hour):00",
            "--ends",
            "2026-10-14T\(hour):45", "--capacity", capacity)
    }

    func corrupt(_ sql: String) throws {
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery(sql)
    }

    func rebuild() throws {
        try ok("projections", "rebuild", "--all")
        try assertMatches()
    }

    func assertMatches(file: StaticString = #filePath, line: UInt = #line) throws {
        let human = try cli.run("audit", "verify")
        XCTAssertEqual(human.status, 0, human.stderr, file: file, line: line)
        XCTAssertTrue(human.stdout.contains("Every read model equals a fresh replay"), human.stdout, file: file, line: line)
        let json = try cli.run("--json", "audit", "verify")
        XCTAssertEqual(json.status, 0, json.stderr, file: file, line: line)
        let models = try XCTUnwrap(try json.json()["read_models"] as? [String: String], json.stdout, file: file, line: line)
        XCTAssertEqual(models, ["attendees": "ok", "program": "ok", "agendas": "ok", "placements": "ok"], file: file, line: line)
    }

    /// `audit verify` exits 1 naming the read model, table and row, in words and in `--json`
    /// (where the other read models say "ok"); returns the `--json` run with the human stderr.
    @discardableResult
    func assertDiffers(
        model: String, table: String, row: [String: String], file: StaticString = #filePath, line: UInt = #line
    ) throws -> CLIHarness.Run {
        let human = try cli.run("audit", "verify")
        XCTAssertEqual(human.status, 1, human.stdout, file: file, line: line)
        let named = row.sorted { $0.key < $1.key }.allSatisfy { human.stderr.contains("\($0.key)=\($0.value)") }
        XCTAssertTrue(
            human.stderr.contains("read model '\(model)'") && human.stderr.contains("table \(table),"), human.stderr, file: file, line: line
        )
        XCTAssertTrue(named, human.stderr, file: file, line: line)
        let json = try cli.run("--json", "audit", "verify")
        XCTAssertEqual(json.status, 1, file: file, line: line)
        let models = try XCTUnwrap(try json.json()["read_models"] as? [String: Any], json.stdout, file: file, line: line)
        let bad = try XCTUnwrap(models[model] as? [String: Any], json.stdout, file: file, line: line)
        XCTAssertEqual(bad["table"] as? String, table, file: file, line: line)
        XCTAssertEqual(bad["row"] as? [String: String], row, file: file, line: line)
        XCTAssertEqual(models.filter { $0.key != model }.compactMap { $0.value as? String }.count, 3, json.stdout, file: file, line: line)
        return CLIHarness.Run(status: json.status, stdout: json.stdout, stderr: human.stderr)
    }
}
