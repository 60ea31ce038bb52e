import Foundation
import XCTest

/// Summer Scholars through the built binary: the lifecycle, its refusals, and racing confirms.
final class PlacementCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
    }

    func admit(_ i: Int, trained: Bool = true) throws {
        let run = try cli.run(arguments: [
            "scholar", "admit", "--id", "sch_s\(i)", "--name", "Scholar \(i)", "--email", "s\(i)@example.edu", "--university",
            "Universidad de los Andes", "--cohort", "2026",
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
        if trained { XCTAssertEqual(try cli.run("scholar", "complete-training", "S\(i)@example.edu").status, 0) }
    }

    func bogota(seats: Int = 1) throws {
        let run = try cli.run(arguments: [
            "opening", "create", "--id", "opn_bogota", "--city", "Bogotá", "--country", "Colombia", "--host",
            "iBO — Laboratorio de Innovación Pública de Bogotá",
            "--project", "Care Blocks", "--starts", "2026-06-15", "--ends", "2026-08-14", "--seats", String(seats),
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testLifecycleWithWhoAndWhyInTheLog() throws {
        try admit(1)
        try bogota()
        let proposed = try cli.run(
            "--json", "--actor", "staff-maria", "placement", "propose", "s1@example.edu", "opn_bogota", "--id", "plc_1", "--note",
            "service design background")
        XCTAssertEqual(proposed.status, 0, proposed.stderr)
        XCTAssertEqual(try proposed.json()["id"] as? String, "plc_1")
        XCTAssertEqual(try cli.run("placement", "confirm", "plc_1").status, 1, "confirm before approval is refused")
        XCTAssertEqual(try cli.run("placement", "approve", "plc_1").status, 0)
        XCTAssertEqual(try cli.run("placement", "approve", "plc_1").status, 1, "approving twice is refused")
        XCTAssertEqual(try cli.run("placement", "confirm", "plc_1").status, 0)
        XCTAssertEqual(try cli.run("placement", "complete", "plc_1", "--outcome", "Care Blocks intake redesigned").status, 0)
        XCTAssertEqual(try cli.run("placement", "withdraw", "plc_1", "--reason", "late").status, 1, "ended placements never reopen")
        let log = try cli.run("--json", "events", "--stream", "placement-plc_1")
        let events = try XCTUnwrap(try log.json()["events"] as? [[String: Any]])
        XCTAssertEqual(
            events.compactMap { $0["type"] as? String },
            ["PlacementProposed", "PlacementApproved", "PlacementConfirmed", "PlacementCompleted"])
        let first = try XCTUnwrap(events.first)
        XCTAssertEqual((first["meta"] as? [String: Any])?["actor"] as? String, "staff-maria")
        XCTAssertEqual((first["data"] as? [String: Any])?["note"] as? String, "service design background")
        XCTAssertNotNil((events[2]["data"] as? [String: Any])?["training_completed_at"])
    }

    func testBadInputIsRefusedAndWritesNothing() throws {
        try admit(1, trained: false)
        try bogota()
        XCTAssertEqual(try cli.run("placement", "propose", "sch_s1", "opn_bogota", "--id", "plc_1").status, 0)
        XCTAssertEqual(try cli.run("placement", "approve", "plc_1").status, 0)
        let before = try cli.eventCount()
        let opening = [
            "opening", "create", "--city", "Reykjavík", "--country", "Iceland", "--host", "Reykjavíkurborg", "--project",
            "Services for school-aged children and families",
        ]
        let cases: [(String, [String], Int32)] = [
            ("unknown scholar", ["placement", "propose", "nobody@example.edu", "opn_bogota"], 1),
            ("unknown opening", ["placement", "propose", "sch_s1", "opn_nowhere"], 1),
            ("confirm without training", ["placement", "confirm", "plc_1"], 1),
            ("zero seats", opening + ["--starts", "2026-06-01", "--ends", "2026-08-01", "--seats", "0"], 2),
            ("negative seats", opening + ["--starts", "2026-06-01", "--ends", "2026-08-01", "--seats=-2"], 2),
            ("malformed date", opening + ["--starts", "June 1st", "--ends", "2026-08-01"], 2),
            ("end before start", opening + ["--starts", "2026-08-01", "--ends", "2026-06-01"], 1),
            ("duplicate admission", ["scholar", "admit", "--name", "Again", "--email", "S1@example.edu", "--university", "X"], 1),
            ("withdraw without reason", ["placement", "withdraw", "plc_1"], 2),
            ("withdrawn by whom", ["placement", "withdraw", "plc_1", "--reason", "x", "--by", "mayor"], 2),
        ]
        for (label, arguments, expected) in cases {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, expected, "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(label): \(run.stderr)")
        }
        XCTAssertEqual(try cli.eventCount(), before, "refused commands write nothing")
        XCTAssertEqual(try cli.run("placement", "withdraw", "plc_1", "--reason", "family emergency", "--by", "scholar").status, 0)
        XCTAssertEqual(
            try cli.run("placement", "complete", "plc_1", "--outcome", "x").status, 1, "completing a withdrawn placement is refused")
    }

    /// N scholars confirming into a 1-seat opening from racing processes: exactly one holds the seat.
    func testRacingConfirmsIntoOneSeat() throws {
        try bogota(seats: 1)
        for i in 0..<8 {
            try admit(i)
            XCTAssertEqual(try cli.run("placement", "propose", "sch_s\(i)", "opn_bogota", "--id", "plc_\(i)").status, 0)
            XCTAssertEqual(try cli.run("placement", "approve", "plc_\(i)").status, 0)
        }
        let started = try (0..<8).map { try cli.start(["placement", "confirm", "plc_\($0)"]) }
        let runs = try started.map { try $0.wait() }
        XCTAssertEqual(runs.filter { $0.status == 0 }.count, 1, runs.map(\.stderr).joined())
        for run in runs where run.status != 0 {
            XCTAssertTrue([1, 3].contains(run.status), "exit \(run.status): \(run.stderr)")
        }
        let connection = try cli.connection()
        defer { connection.close() }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM events WHERE type = 'OpeningSeatTaken'").rows[0].int("n"), 1)
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM events WHERE type = 'PlacementConfirmed'").rows[0].int("n"), 1)
    }
}
