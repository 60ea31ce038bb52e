import Foundation
import XCTest

/// `events`, `events export`, `audit head`, `audit verify`: the log is readable, exportable,
/// independently verifiable, and tampering is caught at its position.
final class AuditCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
        for (index, name) in ["Ana Gómez", "Bo Li", "Chidi \"Chi\" Okafor", "Dana\\Null"].enumerated() {
            let run = try cli.run(arguments: [
                "attendee", "register", "--name", name, "--email", "p\(index)@example.org", "--role", "academic", "--city", "Reykjavík",
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
    }

    func testEventsListsTheLogAndFilters() throws {
        let all = try cli.run("--json", "events")
        XCTAssertEqual(all.status, 0, all.stderr)
        let events = try XCTUnwrap(try all.json()["events"] as? [[String: Any]])
        XCTAssertEqual(events.map { $0["position"] as? Int }, Array(1...9).map { Optional($0) })
        let limited = try cli.run("--json", "events", "--from", "3", "--limit", "2")
        XCTAssertEqual(try XCTUnwrap(try limited.json()["events"] as? [[String: Any]]).map { $0["position"] as? Int }, [3, 4])
        let stream = try cli.run("--json", "events", "--stream", "conference-citylab-2026")
        XCTAssertEqual(try XCTUnwrap(try stream.json()["events"] as? [[String: Any]]).count, 1)
        let human = try cli.run("events", "--limit", "1")
        XCTAssertTrue(human.stdout.contains("ConferenceOpened"), human.stdout)
        XCTAssertEqual(try cli.run("events", "--limit", "zero").status, 2)
    }

    func testExportReverifiesWithTheREADMERecipe() throws {
        let export = try cli.run("events", "export")
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout.split(separator: "\n").count, 9)
        let head = try cli.run("audit", "head")
        XCTAssertEqual(head.status, 0, head.stderr)
        let recipe = try Self.readmeRecipe()
        let output = try Self.python(recipe, stdin: export.stdout)
        XCTAssertEqual(output.trimmingCharacters(in: .whitespacesAndNewlines), head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func testVerifyPassesThenCatchesATamperedRowAtItsPosition() throws {
        let ok = try cli.run("audit", "verify")
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("intact"), ok.stdout)

        let connection = try cli.connection()
        defer { connection.close() }
        XCTAssertThrowsError(try connection.execute("UPDATE events SET data = '{}' WHERE position = 4"), "the trigger must refuse UPDATE")
        XCTAssertThrowsError(try connection.execute("DELETE FROM events WHERE position = 9"), "the trigger must refuse DELETE")
        XCTAssertThrowsError(try connection.execute("TRUNCATE events"), "the trigger must refuse TRUNCATE")
        // A superuser bypasses the trigger: the chain still shows the edit.
        try connection.simpleQuery(
            """
            ALTER TABLE events DISABLE TRIGGER events_append_only;
            UPDATE events SET data = jsonb_set(data, '{name}', '"Mallory"') WHERE position = 4;
            ALTER TABLE events ENABLE TRIGGER events_append_only;
            """)
        let broken = try cli.run("audit", "verify")
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("position 4"), broken.stderr)
        let json = try cli.run("--json", "audit", "verify")
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(try json.json()["position"] as? Int, 4)
    }

    func testKeptHeadCatchesARecomputedTail() throws {
        let kept = try cli.run("audit", "head").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try cli.run("audit", "verify", "--head", kept).status, 0)
        // Rewrite event 9 and recompute its hash and the head, as someone with superuser rights could.
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery(
            """
            ALTER TABLE events DISABLE TRIGGER events_append_only;
            UPDATE events SET meta = jsonb_set(meta, '{actor}', '"mallory"') WHERE position = 9;
            ALTER TABLE events ENABLE TRIGGER events_append_only;
            """)
        let rows = try connection.query("SELECT hash FROM events WHERE position = 8").rows
        let previous = try rows[0].bytes("hash")
        let export = try cli.run("events", "export").stdout.split(separator: "\n")
        let line = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(export[8].utf8)) as? [String: Any])
        let recomputed = try Self.python(
            """
            import hashlib, json, sys
            e = json.loads(sys.stdin.read())
            c = lambda v: json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            f = ["citylab-event-v1", str(e["position"]), e["stream"], str(e["version"]), e["type"], str(e["schema"]), e["recorded_at"], c(e["data"]), c(e["meta"])]
            print(hashlib.sha256(bytes.fromhex("\(previous.map { String(format: "%02x", $0) }.joined())") + "\\n".join(f).encode()).hexdigest())
            """, stdin: String(export[8])
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(line["position"] as? Int, 9)
        try connection.simpleQuery(
            """
            ALTER TABLE events DISABLE TRIGGER events_append_only;
            UPDATE events SET hash = '\\x\(recomputed)' WHERE position = 9;
            ALTER TABLE events ENABLE TRIGGER events_append_only;
            UPDATE log_head SET hash = '\\x\(recomputed)';
            """)
        XCTAssertEqual(try cli.run("audit", "verify").status, 0, "a recomputed tail passes the chain check alone")
        let proof = try cli.run("audit", "verify", "--head", kept)
        XCTAssertEqual(proof.status, 1)
        XCTAssertTrue(proof.stderr.contains("position 9"), proof.stderr)
    }

    func testBadKeptHeads() throws {
        let malformed = try cli.run("audit", "verify", "--head", "nonsense")
        XCTAssertEqual(malformed.status, 2, "a head that is not POSITION:HASH is usage")
        XCTAssertTrue(malformed.stderr.contains("POSITION:HASH"), malformed.stderr)
        let past = try cli.run("audit", "verify", "--head", "999:" + String(repeating: "a", count: 64))
        XCTAssertEqual(past.status, 1)
        XCTAssertTrue(past.stderr.contains("past the end"), past.stderr)
        XCTAssertTrue(past.stderr.contains("the kept head does not match this log: there is no event at position 999"), past.stderr)
        let wrong = try cli.run("audit", "verify", "--head", "3:" + String(repeating: "b", count: 64))
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("the event at position 3 has hash"), wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("differs from the kept head 3:bbbb"), wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("copied whole"), wrong.stderr)
        for run in [past, wrong] {
            XCTAssertFalse(run.stderr.contains("not intact"), "a mistyped head is not a broken log: \(run.stderr)")
        }
        let json = try cli.run("--json", "audit", "verify", "--head", "3:" + String(repeating: "b", count: 64))
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(try json.json()["kept_head"] as? String, "3:" + String(repeating: "b", count: 64))
    }

    // MARK: helpers

    static func readmeRecipe() throws -> String {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("events/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```python\n"))
        let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
        return String(text[start.upperBound..<end.lowerBound])
    }

    static func python(_ program: String, stdin: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errorText)
        return String(decoding: data, as: UTF8.self)
    }
}
