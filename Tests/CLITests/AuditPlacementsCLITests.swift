import Application
import Foundation
import XCTest

/// `audit placements` through the built binary: histories replayed from the log, the state as
/// of every step of a placement's life (by position and by time), filters, formats, bad input.
final class AuditPlacementsCLITests: XCTestCase {
    var cli: CLIHarness!
    var steps: PlacementScenario.Steps!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        steps = try PlacementScenario.run(cli)
    }

    func audit(_ arguments: String...) throws -> [String: Any] {
        let run = try cli.run(arguments: ["audit", "placements", "--format", "json"] + arguments)
        XCTAssertEqual(run.status, 0, run.stderr)
        return try run.json()
    }

    func placement(_ answer: [String: Any], _ id: String) -> [String: Any]? {
        (answer["placements"] as? [[String: Any]])?.first { $0["placement"] as? String == id }
    }

    /// At each step's position, and at each step's recorded time, plc_1 shows exactly the
    /// history so far; one microsecond earlier it shows the step before.
    func testAsOfEachStepOfAPlacementsLife() throws {
        let expected: [(position: Int, status: String)] = [
            (steps.proposed, "proposed"), (steps.approved, "approved"), (steps.confirmed, "confirmed"), (steps.completed, "completed"),
        ]
        for (index, step) in expected.enumerated() {
            let byPosition = try XCTUnwrap(placement(try audit("--position", String(step.position)), "plc_1"))
            XCTAssertEqual(byPosition["status"] as? String, step.status)
            let history = try XCTUnwrap(byPosition["history"] as? [[String: Any]])
            XCTAssertEqual(history.map { $0["status"] as? String }, expected.prefix(index + 1).map { Optional($0.status) })
            XCTAssertEqual(history.last?["position"] as? Int, step.position)
            let recordedAt = try XCTUnwrap(history.last?["recorded_at"] as? String)

            let byTime = try audit("--as-of", recordedAt)
            XCTAssertEqual((byTime["as_of"] as? [String: Any])?["recorded_at"] as? String, recordedAt)
            XCTAssertEqual(placement(byTime, "plc_1")?["status"] as? String, step.status, "as of \(recordedAt)")
            let earlier = try audit("--as-of", try Self.microsecondBefore(recordedAt))
            XCTAssertLessThan(try XCTUnwrap((earlier["as_of"] as? [String: Any])?["position"] as? Int), step.position)
            XCTAssertEqual(placement(earlier, "plc_1")?["status"] as? String, index == 0 ? nil : expected[index - 1].status)
        }
        let confirmed = try XCTUnwrap(placement(try audit("--position", String(steps.confirmed)), "plc_1"))
        let check = try XCTUnwrap((confirmed["history"] as? [[String: Any]])?.last)
        XCTAssertEqual(check["seats_taken_before"] as? Int, 0)
        XCTAssertEqual(check["seats"] as? Int, 1)
        XCTAssertNotNil(check["training_completed_at"] as? String)
        XCTAssertEqual(check["actor"] as? String, "valentina")
        XCTAssertEqual(check["command"] as? String, "placement confirm")
        XCTAssertEqual(check["command_id"] as? String, "confirm-plc_1")
        XCTAssertEqual((confirmed["opening"] as? [String: Any])?["seats_taken"] as? Int, 0, "the seat is taken by the next event")
        let seated = try XCTUnwrap(placement(try audit("--position", String(steps.confirmed + 1)), "plc_1"))
        XCTAssertEqual((seated["opening"] as? [String: Any])?["seats_taken"] as? Int, 1)
        XCTAssertNil(placement(try audit("--position", String(steps.proposed - 1)), "plc_1"), "nothing before the proposal")
    }

    func testTextIsGroupedAlignedAndSaysWhoAndWhy() throws {
        let run = try cli.run("audit", "placements")
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("Placements now (position \(steps.head)"), lines[0])
        XCTAssertTrue(lines[0].hasSuffix("2 placements."), lines[0])
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("plc_1") })
        for part in [
            "Valentina Ríos", "Bogotá", "iBO — Laboratorio de Innovación Pública de Bogotá", "Care Blocks", "cohort 2026", "completed",
        ] {
            XCTAssertTrue(header.contains(part), "\(part) in \(header)")
        }
        let entries = lines.filter { $0.hasPrefix("  ") }
        XCTAssertEqual(entries.count, 7)
        let eventColumns = Set(
            entries.compactMap { line in line.range(of: "Placement").map { line.distance(from: line.startIndex, to: $0.lowerBound) } })
        XCTAssertEqual(eventColumns.count, 1, "the event column is aligned:\n\(run.stdout)")
        XCTAssertTrue(run.stdout.contains("staff-maria"), run.stdout)
        XCTAssertTrue(run.stdout.contains("note: fluent in Spanish, \"service design\""), run.stdout)
        XCTAssertTrue(run.stdout.contains("seats taken then: 0 of 1"), run.stdout)
        XCTAssertTrue(run.stdout.contains("withdrawn by: host; from: approved; reason: project postponed"), run.stdout)
        XCTAssertTrue(run.stdout.contains("outcome: =Care Blocks intake redesigned, with 40 residents"), run.stdout)
    }

    func testCSVIsRFC4180AndSafeInASpreadsheet() throws {
        let run = try cli.run("audit", "placements", "--format", "csv")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasSuffix("\r\n"))
        var reader = CSVReader(Array(run.stdout.utf8).makeIterator())
        var records: [[String]] = []
        while let record = try reader.next() { records.append(record.fields) }
        XCTAssertEqual(records.count, 8, "a header and one row per history entry")
        let columns = records[0]
        XCTAssertTrue(records.allSatisfy { $0.count == columns.count })
        let column = { (name: String) in columns.firstIndex(of: name) ?? -1 }
        XCTAssertEqual(records[1][column("note")], "fluent in Spanish, \"service design\"")
        XCTAssertEqual(records[1][column("city")], "Bogotá")
        let completed = try XCTUnwrap(records.first { $0[column("event")] == "PlacementCompleted" })
        XCTAssertEqual(completed[column("outcome")], "'=Care Blocks intake redesigned, with 40 residents", "a formula is shown as text")
        XCTAssertTrue(run.stdout.contains("\"'=Care Blocks intake redesigned, with 40 residents\""))
        let empty = try cli.run("audit", "placements", "--format", "csv", "--position", "0")
        XCTAssertEqual(empty.stdout, columns.joined(separator: ",") + "\r\n")
    }

    func testFiltersByScholarAndCity() throws {
        let ids = { (answer: [String: Any]) in (answer["placements"] as? [[String: Any]])?.compactMap { $0["placement"] as? String } }
        XCTAssertEqual(ids(try audit()), ["plc_1", "plc_2"])
        XCTAssertEqual(ids(try audit("--scholar", "Valentina.Rios@Example.edu")), ["plc_1"])
        XCTAssertEqual(ids(try audit("--scholar", "sch_kofi")), ["plc_2"])
        XCTAssertEqual(ids(try audit("--city", "BOGOTÁ")), ["plc_1"])
        XCTAssertEqual(ids(try audit("--city", "Bogota")), [], "accents count")
        XCTAssertEqual(ids(try audit("--city", "reykjavík", "--scholar", "sch_valentina")), [])
        let unknown = try cli.run("audit", "placements", "--scholar", "nobody@example.edu")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no scholar"), unknown.stderr)
    }

    func testBadInput() throws {
        let before = try audit("--as-of", "2001-01-01T00:00:00Z")
        XCTAssertEqual((before["placements"] as? [Any])?.count, 0, "before the first event: empty, not an error")
        XCTAssertEqual((before["as_of"] as? [String: Any])?["position"] as? Int, 0)
        let future = try audit("--as-of", "2999-01-01")
        XCTAssertEqual((future["as_of"] as? [String: Any])?["position"] as? Int, steps.head, "the future is the current state")
        let beyond = try cli.run("audit", "placements", "--position", "99999")
        XCTAssertEqual(beyond.status, 0, beyond.stderr)
        XCTAssertTrue(beyond.stdout.hasPrefix("Position 99999 is beyond the head; the current state"), beyond.stdout)
        XCTAssertEqual((try audit("--position", "99999")["as_of"] as? [String: Any])?["beyond_head"] as? Bool, true)
        let usage: [[String]] = [
            ["--as-of", "yesterday"], ["--as-of", "2026-02-31T10:00:00Z"], ["--as-of", "2026-06-01T10:00"], ["--as-of", "1717236000"],
            ["--as-of", "2026-06-01T00:00:00Z", "--position", "3"], ["--position", "-1"], ["--position", "ten"], ["--format", "xml"],
            ["--json", "--format", "csv"], ["--city", " "],
        ]
        for arguments in usage {
            let run = try cli.run(arguments: ["audit", "placements"] + arguments)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout.isEmpty, !arguments.contains("--json"), "\(arguments): \(run.stdout)")
        }
        let json = try cli.run("--json", "audit", "placements", "--position", "2")
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertNotNil(try json.json()["as_of"])
    }

    static func microsecondBefore(_ instant: String) throws -> String {
        // 2026-06-01T10:00:00.123456Z: step the microseconds back (the steps are milliseconds apart).
        let parts = instant.dropLast().split(separator: ".")
        let micros = try XCTUnwrap(Int(parts[1]))
        guard micros > 0 else { throw XCTSkip("recorded on a whole second") }
        let digits = String(micros - 1)
        return parts[0] + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }
}

/// Two scholars' placements through the CLI: plc_1 proposed → approved → confirmed →
/// completed in Bogotá; plc_2 proposed → approved → withdrawn by the host in Reykjavík.
enum PlacementScenario {
    struct Steps {
        var proposed = 0, approved = 0, confirmed = 0, completed = 0, head = 0
    }

    static func run(_ cli: CLIHarness) throws -> Steps {
        var steps = Steps()
        @discardableResult
        func ok(_ arguments: [String]) throws -> Int {
            let run = try cli.run(arguments: ["--json"] + arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
            return try XCTUnwrap(try run.json()["position"] as? Int, run.stdout)
        }
        try ok([
            "scholar", "admit", "--id", "sch_valentina", "--name", "Valentina Ríos", "--email", "valentina.rios@example.edu",
            "--university", "Universidad de los Andes", "--cohort", "2026",
        ])
        try ok([
            "scholar", "admit", "--id", "sch_kofi", "--name", "Kofi Mensah", "--email", "kofi@example.edu", "--university",
            "University of Ghana", "--cohort", "2026",
        ])
        try ok(["scholar", "complete-training", "sch_valentina"])
        try ok([
            "opening", "create", "--id", "opn_bogota", "--city", "Bogotá", "--country", "Colombia", "--host",
            "iBO — Laboratorio de Innovación Pública de Bogotá", "--project", "Care Blocks", "--starts", "2026-06-15", "--ends",
            "2026-08-14",
        ])
        try ok([
            "opening", "create", "--id", "opn_reykjavik", "--city", "Reykjavík", "--country", "Iceland", "--host", "Reykjavíkurborg",
            "--project", "Services for school-aged children, and families", "--starts", "2026-06-15", "--ends", "2026-08-14", "--seats",
            "2",
        ])
        steps.proposed =
            try ok([
                "--actor", "staff-maria", "placement", "propose", "sch_valentina", "opn_bogota", "--id", "plc_1", "--note",
                "fluent in Spanish, \"service design\"",
            ]) - 1
        try ok(["placement", "propose", "sch_kofi", "opn_reykjavik", "--id", "plc_2"])
        steps.approved = try ok(["--actor", "staff-maria", "placement", "approve", "plc_1"])
        try ok(["placement", "approve", "plc_2"])
        steps.confirmed = try ok(["--actor", "valentina", "--command-id", "confirm-plc_1", "placement", "confirm", "plc_1"]) - 1
        try ok(["placement", "withdraw", "plc_2", "--reason", "project postponed", "--by", "host"])
        steps.completed =
            try ok([
                "--actor", "staff-jon", "placement", "complete", "plc_1", "--outcome", "=Care Blocks intake redesigned, with 40 residents",
            ]) - 1
        steps.head = steps.completed + 1
        return steps
    }
}
