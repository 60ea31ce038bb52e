import Foundation
import Postgres
import TestSupport
import XCTest

/// `projections status|rebuild|run` through the built binary.
final class ProjectionsCommandTests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
        XCTAssertEqual(try cli.run("attendee", "register", "--name", "Ana", "--email", "ana@example.org", "--role", "mayor").status, 0)
    }

    func testStatusAndRebuild() throws {
        let status = try cli.run("--json", "projections", "status")
        XCTAssertEqual(status.status, 0, status.stderr)
        let rows = try XCTUnwrap(try status.json()["projections"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["attendees", "program", "agendas", "placements"])

        let rebuild = try cli.run("projections", "rebuild", "--all")
        XCTAssertEqual(rebuild.status, 0, rebuild.stderr)
        XCTAssertTrue(rebuild.stdout.contains("events/s"), rebuild.stdout)
        let after = try XCTUnwrap(try cli.run("--json", "projections", "status").json()["projections"] as? [[String: Any]])
        XCTAssertTrue(after.allSatisfy { $0["lag_events"] as? Int == 0 && $0["position"] as? Int == 3 }, "\(after)")

        let json = try cli.run("--json", "projections", "rebuild", "attendees")
        XCTAssertEqual(try json.json()["projections"] as? [String], ["attendees"])
    }

    /// Events appended behind the projector's back (plain SQL: no catch-up, no NOTIFY), the
    /// oldest 90 s before the head; one of them is a placement event nobody can read.
    func testStatusOfLaggingProjectionsWithAnErrorInJSONAndText() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let bad = try RawEvents.append(
            connection, stream: "placement-plc_bad", type: "PlacementProposed", data: "{}", secondsAgo: 90)
        try RawEvents.append(connection, stream: "note-1", type: "OperatorNote", data: #"{"text":"no projection folds this"}"#)

        func status() throws -> [String: [String: Any]] {
            let run = try cli.run("--json", "projections", "status")
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            let rows = try XCTUnwrap(try run.json()["projections"] as? [[String: Any]], run.stdout)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["name"] as? String ?? "", $0) })
        }
        let lagging = try status()
        XCTAssertEqual(lagging.count, 4)
        for (name, row) in lagging {
            XCTAssertEqual(row["lag_events"] as? Int, 2, name)
            XCTAssertGreaterThanOrEqual(row["lag_ms"] as? Int ?? 0, 89_000, "\(name): \(row)")
            XCTAssertGreaterThanOrEqual(row["lag_seconds"] as? Int ?? 0, 89, "\(name): \(row)")
        }

        // A read catches up what it can: placements stop before the event they cannot read.
        let read = try cli.run("attendee", "list")
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertTrue(read.stderr.contains("projection 'placements' is stuck"), read.stderr)
        let after = try status()
        let placements = try XCTUnwrap(after["placements"])
        XCTAssertEqual(placements["position"] as? Int, Int(bad) - 1)
        XCTAssertEqual(placements["lag_events"] as? Int, 2)
        XCTAssertGreaterThan(placements["lag_seconds"] as? Int ?? 0, 0, "\(placements)")
        let error = try XCTUnwrap(placements["last_error"] as? String, "\(placements)")
        XCTAssertTrue(error.contains("event \(bad) (PlacementProposed) cannot be read"), error)
        for name in ["attendees", "program", "agendas"] {
            XCTAssertEqual(after[name]?["lag_events"] as? Int, 0, name)
            XCTAssertEqual(after[name]?["lag_seconds"] as? Int, 0, name)
            XCTAssertNil(after[name]?["last_error"], name)
        }

        let text = try cli.run("projections", "status")
        XCTAssertEqual(text.status, 0, text.stderr)
        let line = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("placements") }, text.stdout)
        XCTAssertTrue(line.contains("event \(bad) (PlacementProposed) cannot be read"), "the error is shown in full: \(line)")
        XCTAssertNotNil(line.range(of: #" 9\d\.\d "#, options: .regularExpression), "lag in seconds, about 90: \(line)")
    }

    func testUnknownNamesAndConcurrentRebuildsAreRefused() throws {
        let unknown = try cli.run("projections", "rebuild", "speakers")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown projection 'speakers'"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("attendees, program, agendas, placements"), unknown.stderr)
        XCTAssertEqual(try cli.run("projections", "rebuild").status, 2)

        let holder = try cli.connection()
        defer { holder.close() }
        try holder.execute("SELECT pg_advisory_lock(hashtext('citylab-projection-rebuild-agendas'))")
        let busy = try cli.run("projections", "rebuild", "--all")
        XCTAssertEqual(busy.status, 1)
        XCTAssertTrue(busy.stderr.contains("a rebuild of 'agendas' is already running"), busy.stderr)
    }

    func testRunFollowsTheLogUntilSIGTERM() throws {
        let started = try cli.start(["projections", "run"])
        func caughtUp() throws -> Bool {
            let connection = try cli.connection()
            defer { connection.close() }
            return try connection.query(
                "SELECT count(*) AS n FROM projection_checkpoints WHERE position = (SELECT position FROM log_head)"
            ).rows[0].int("n") == 4
        }
        try poll(timeout: .seconds(20), "the projector catching up") { try caughtUp() }
        XCTAssertEqual(try cli.run("attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "artist").status, 0)
        try poll(timeout: .seconds(20), "the projector following a new append") { try caughtUp() }
        started.terminate()
        let run = try started.wait()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("projector: stopped"), run.stderr)
    }
}
