import EventStore
import Events
import Foundation
import Postgres
import XCTest

/// Someone with superuser rights changes the log behind the append-only trigger: `audit
/// verify` names the first bad position for each kind of change, and a kept head catches the
/// one change the chain alone cannot (a rewritten tail with every hash recomputed).
final class TamperCLITests: XCTestCase {
    var cli: CLIHarness!
    var steps: PlacementScenario.Steps!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        steps = try PlacementScenario.run(cli)
        let intact = try cli.run("audit", "verify")
        XCTAssertEqual(intact.status, 0, intact.stderr)
    }

    func testAnEditedPayload() throws {
        try tamper("UPDATE events SET data = jsonb_set(data, '{note}', '\"forged\"') WHERE position = \(steps.proposed)")
        try assertBroken(at: steps.proposed)
    }

    func testADeletedRow() throws {
        try tamper("DELETE FROM events WHERE position = \(steps.approved)")
        let stderr = try assertBroken(at: steps.approved)
        XCTAssertTrue(stderr.contains("missing"), stderr)
    }

    func testTwoSwappedRows() throws {
        let (a, b) = (steps.approved, steps.approved + 1)
        try tamper(
            """
            UPDATE events SET position = -1 WHERE position = \(a);
            UPDATE events SET position = \(a) WHERE position = \(b);
            UPDATE events SET position = \(b) WHERE position = -1;
            """)
        try assertBroken(at: a)
    }

    /// The forger even links the new row's hash to its predecessor; the row after it, whose
    /// position and predecessor changed, no longer matches.
    func testAForgedRowInsertedInTheMiddle() throws {
        let at = Int64(steps.approved + 1)
        let connection = try cli.connection()
        defer { connection.close() }
        let before = try XCTUnwrap(try EventStore(connection).read(after: at - 2, limit: 1).first)
        let forged = RecordedEvent(
            position: at, stream: StreamName("placement-plc_9"), version: 1, type: "PlacementApproved", schema: 1,
            data: #"{"opening":"opn_bogota","placement":"plc_9","scholar":"sch_kofi"}"#,
            meta: #"{"actor":"staff-maria","command":"placement approve","command_id":"cmd_forged","source":"cli"}"#,
            instant: before.instant, hash: [])
        let hash = try HashChain.link(previous: before.hash, forged)
        try tamper(
            """
            UPDATE events SET position = -position WHERE position >= \(at);
            UPDATE events SET position = 1 - position WHERE position < 0;
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            VALUES (\(at), '\(forged.stream)', 1, '\(forged.type)', 1, '\(forged.data)', '\(forged.meta)', '\(forged.instant)', '\\x\(Hex.encode(hash))');
            UPDATE log_head SET position = position + 1;
            """)
        try assertBroken(at: Int(at) + 1)
    }

    func testATailRewrittenWithRecomputedHashesPassesTheChainButNotTheKeptHead() throws {
        let kept = try cli.run("audit", "head").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let earlier = try keptHead(at: steps.completed - 1)
        try rewrite(from: steps.completed) { event in
            RecordedEvent(
                position: event.position, stream: event.stream, version: event.version, type: event.type, schema: event.schema,
                data: event.data.replacingOccurrences(of: "40 residents", with: "4000 residents"), meta: event.meta,
                instant: event.instant, hash: event.hash)
        }
        XCTAssertTrue(try cli.run("audit", "placements").stdout.contains("4000 residents"), "the rewrite took")
        XCTAssertEqual(try cli.run("audit", "verify", "--skip-read-models").status, 0, "a recomputed tail passes the chain check alone")
        let replay = try cli.run("audit", "verify")
        XCTAssertEqual(replay.status, 1, "the read models no longer equal a replay of the rewritten log")
        XCTAssertTrue(replay.stderr.contains("table placements, row placement=plc_1: outcome"), replay.stderr)
        let proof = try cli.run("--json", "audit", "verify", "--head", kept)
        XCTAssertEqual(proof.status, 1, proof.stdout)
        XCTAssertEqual(try proof.json()["position"] as? Int, steps.head)
        XCTAssertTrue(try cli.run("audit", "verify", "--head", kept).stderr.contains("differs from the kept head"))
        XCTAssertEqual(
            try cli.run("audit", "verify", "--head", earlier, "--skip-read-models").status, 0,
            "the log up to an earlier kept head is untouched")
    }

    func testATruncatedTailWithItsHeadMovedBack() throws {
        let kept = try cli.run("audit", "head").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let earlier = try keptHead(at: steps.completed - 1)
        let hash = String(earlier.split(separator: ":")[1])
        try tamper(
            """
            DELETE FROM events WHERE position >= \(steps.completed);
            UPDATE log_head SET position = \(steps.completed - 1), hash = '\\x\(hash)';
            """)
        XCTAssertEqual(
            try cli.run("audit", "verify", "--skip-read-models").status, 0, "a cut tail with a matching head passes the chain check alone")
        let replay = try cli.run("audit", "verify")
        XCTAssertEqual(replay.status, 1, "the read models show the cut events")
        XCTAssertTrue(replay.stderr.contains("past the log's last position \(steps.completed - 1)"), replay.stderr)
        let proof = try cli.run("audit", "verify", "--head", kept)
        XCTAssertEqual(proof.status, 1)
        XCTAssertTrue(proof.stderr.contains("past the end"), proof.stderr)
    }

    func testADisabledTriggerAMalformedPayloadAndAStrayRow() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery("ALTER TABLE events DISABLE TRIGGER events_append_only")
        let disabled = try cli.run("audit", "verify")
        XCTAssertEqual(disabled.status, 1)
        XCTAssertTrue(disabled.stderr.contains("trigger events_append_only on events is disabled"), disabled.stderr)
        try connection.simpleQuery("ALTER TABLE events ENABLE TRIGGER events_append_only")

        // Enabled for replication sessions only, the trigger no longer fires for anyone else.
        try connection.simpleQuery("ALTER TABLE events ENABLE REPLICA TRIGGER events_append_only")
        XCTAssertEqual(
            try connection.execute("UPDATE events SET meta = meta WHERE position = 1"), 1, "an ordinary session can now change the log")
        let replica = try cli.run("audit", "verify")
        XCTAssertEqual(replica.status, 1, replica.stdout)
        XCTAssertTrue(replica.stderr.contains("events_append_only on events fires only for replication sessions"), replica.stderr)
        XCTAssertFalse(replica.stdout.contains("in place"), replica.stdout)
        try connection.simpleQuery("ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only")
        XCTAssertEqual(try cli.run("audit", "verify").status, 0, "a trigger that always fires is in place")
        try connection.simpleQuery("ALTER TABLE events ENABLE TRIGGER events_append_only")

        // Replaced by one that only refuses DELETE, under the same name.
        try connection.simpleQuery(
            "CREATE OR REPLACE TRIGGER events_append_only BEFORE DELETE ON events FOR EACH ROW EXECUTE FUNCTION citylab_refuse_log_change()"
        )
        let narrowed = try cli.run("audit", "verify")
        XCTAssertEqual(narrowed.status, 1, narrowed.stdout)
        XCTAssertTrue(narrowed.stderr.contains("is not a BEFORE UPDATE OR DELETE row trigger"), narrowed.stderr)
        try connection.simpleQuery(
            "CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION citylab_refuse_log_change()"
        )
        XCTAssertEqual(try cli.run("audit", "verify").status, 0, "recreated as migration 1 made it")

        let original = try connection.query("SELECT data::text AS data FROM events WHERE position = $1", [steps.confirmed]).rows[0].string(
            "data")
        try tamper("UPDATE events SET data = '{\"seats\": 1.5}' WHERE position = \(steps.confirmed)")
        try assertBroken(at: steps.confirmed)
        try tamper("UPDATE events SET data = '\(original)' WHERE position = \(steps.confirmed)")
        XCTAssertEqual(try cli.run("audit", "verify").status, 0, "restored")
        try tamper(
            "INSERT INTO events SELECT 0, 'placement-plc_0', 1, type, schema, data, meta, recorded_at, hash FROM events WHERE position = 1")
        try assertBroken(at: 0)
    }

    // MARK: helpers

    /// Runs SQL with the append-only trigger off, as a superuser could.
    func tamper(_ sql: String) throws {
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery(
            "ALTER TABLE events DISABLE TRIGGER events_append_only;\n\(sql);\nALTER TABLE events ENABLE TRIGGER events_append_only;")
    }

    /// Changes the event at `position` and recomputes its hash and every later one, and the head.
    func rewrite(from position: Int, _ change: (RecordedEvent) -> RecordedEvent) throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let events = try EventStore(connection).read(after: 0, limit: 100_000)
        var previous = events[position - 2].hash
        var statements: [String] = []
        for event in events[(position - 1)...] {
            let changed = event.position == position ? change(event) : event
            previous = try HashChain.link(previous: previous, changed)
            statements.append(
                "UPDATE events SET data = '\(changed.data.replacingOccurrences(of: "'", with: "''"))', hash = '\\x\(Hex.encode(previous))' "
                    + "WHERE position = \(event.position)")
        }
        statements.append("UPDATE log_head SET hash = '\\x\(Hex.encode(previous))'")
        try tamper(statements.joined(separator: ";\n"))
    }

    func keptHead(at position: Int) throws -> String {
        let connection = try cli.connection()
        defer { connection.close() }
        let row = try XCTUnwrap(try connection.query("SELECT hash FROM events WHERE position = $1", [position]).rows.first)
        return "\(position):\(Hex.encode(try row.bytes("hash")))"
    }

    /// `audit verify` exits 1 naming `position`, in words and in `--json`; returns its stderr.
    @discardableResult
    func assertBroken(at position: Int, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let run = try cli.run("audit", "verify")
        XCTAssertEqual(run.status, 1, run.stdout, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("position \(position)"), run.stderr, file: file, line: line)
        let json = try cli.run("--json", "audit", "verify")
        XCTAssertEqual(json.status, 1, file: file, line: line)
        XCTAssertEqual(try json.json()["position"] as? Int, position, json.stdout, file: file, line: line)
        return run.stderr
    }
}
