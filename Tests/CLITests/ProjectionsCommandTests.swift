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
