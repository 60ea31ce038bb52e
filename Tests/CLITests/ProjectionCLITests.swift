import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import TestSupport
import XCTest

/// The read-model commands through the built binary: `attendee list`, `agenda show`,
/// `session list|roster`, `placement list` (human tables and `--json`), and their errors.
final class ProjectionCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
    }

    /// Runs decisions the CLI of this branch cannot run yet (sessions, enrollments, placements).
    func decide(_ decide: (RecordingReader) throws -> [PendingEvent]) throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let runner = CommandRunner(store: EventStore(connection), context: CommandContext(actor: "test"))
        _ = try runner.run("test") { Decision(events: try decide($0), id: "x", message: "x") }
    }

    func register(_ id: String, role: String = "mayor") throws {
        let run = try cli.run("attendee", "register", "--id", id, "--name", id.capitalized, "--email", "\(id)@example.org", "--role", role)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testAttendeeListFiltersAndPrintsATableOrJSON() throws {
        try register("ana")
        try register("bo", role: "artist")
        try decide {
            try Attendee.decide(Attendee.CheckIn(attendee: AttendeeID("att_bo")!, at: Date(timeIntervalSince1970: 1_791_979_200)), $0)
        }
        let table = try cli.run("attendee", "list")
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first?.hasPrefix("ID") == true, table.stdout)
        XCTAssertTrue(lines.contains { $0.contains("att_bo") && $0.contains("checked-in") }, table.stdout)
        let json = try cli.run("--json", "attendee", "list", "--status", "checked-in")
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(try json.json()["attendees"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["id"] as? String }, ["att_bo"])
        XCTAssertEqual(try cli.run("attendee", "list", "--role", "pilot").status, 2)
    }

    func testAgendaSessionsAndRosterAfterEnrollments() throws {
        try register("ana")
        try register("bo")
        let session = SessionID("ses_mobility")!
        let edition = ConferenceID("citylab-2026")!
        try decide {
            try Session.decide(
                Session.Schedule(
                    id: session, conference: edition, title: "Mobility for all", room: "Sala 1", starts: "2026-10-14T10:00",
                    ends: "2026-10-14T11:00", capacity: 1), $0)
        }
        try decide { try Agenda.decide(Agenda.Add(attendee: AttendeeID("att_ana")!, session: session), $0) }
        try decide { try Agenda.decide(Agenda.Add(attendee: AttendeeID("att_bo")!, session: session), $0) }

        let agenda = try cli.run("--json", "agenda", "show", "BO@example.org")
        XCTAssertEqual(agenda.status, 0, agenda.stderr)
        let entries = try XCTUnwrap(try agenda.json()["sessions"] as? [[String: Any]])
        XCTAssertEqual(entries.first?["status"] as? String, "waitlisted")
        XCTAssertEqual(entries.first?["waitlist_position"] as? Int, 1)
        XCTAssertEqual(entries.first?["starts_local"] as? String, "2026-10-14T10:00")
        let human = try cli.run("agenda", "show", "att_ana")
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertTrue(human.stdout.contains("2026-10-14 10:00–11:00") && human.stdout.contains("Mobility for all"), human.stdout)

        let list = try cli.run("session", "list")
        XCTAssertTrue(list.stdout.contains("ses_mobility") && list.stdout.contains("1/1"), list.stdout)
        let roster = try cli.run("--json", "session", "roster", "ses_mobility")
        XCTAssertEqual(roster.status, 0, roster.stderr)
        let people = try XCTUnwrap(try roster.json()["roster"] as? [[String: Any]])
        XCTAssertEqual(people.map { $0["kind"] as? String }, ["seat", "waitlist"])
        XCTAssertEqual(people.map { $0["attendee"] as? String }, ["att_ana", "att_bo"])

        // A long title and each change, on its own line under the session, in full: piped output is never cut.
        let title = "Mobility for all: what ten years of car-free Sundays taught Bogotá, Medellín and Lima about their streets"
        let workshop = SessionID("ses_workshop")!
        try decide {
            try Session.decide(
                Session.Schedule(
                    id: workshop, conference: edition, title: title, room: "Sala 2", starts: "2026-10-14T14:00",
                    ends: "2026-10-14T15:00", capacity: 5), $0)
        }
        try decide { try Agenda.decide(Agenda.Add(attendee: AttendeeID("att_ana")!, session: workshop), $0) }
        try decide { try Session.decide(Session.Reschedule(session: session, starts: "2026-10-14T14:30"), $0) }
        let flagged = try cli.run("agenda", "show", "att_ana")
        XCTAssertEqual(flagged.status, 0, flagged.stderr)
        let lines = flagged.stdout.split(separator: "\n").map(String.init)
        let row = try XCTUnwrap(
            lines.firstIndex { $0.hasPrefix("2026-10-14 14:30–15:30") && $0.contains("Mobility for all") }, flagged.stdout)
        XCTAssertEqual(lines[row + 1], "      - moved from 10:00 to 14:30", flagged.stdout)
        XCTAssertTrue(lines[row + 2].hasPrefix("      - now overlaps '\(title)' (14:00–15:00)"), flagged.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("2026-10-14 14:00–15:00") && $0.contains(title) }, flagged.stdout)
        XCTAssertFalse(flagged.stdout.contains("…"), flagged.stdout)

        XCTAssertEqual(try cli.run("agenda", "show", "nobody@example.org").status, 1)
        XCTAssertEqual(try cli.run("agenda", "show", "not-an-id").status, 2)
        XCTAssertEqual(try cli.run("session", "roster", "ses_nope").status, 2)
    }

    func testPlacementListFilters() throws {
        let scholar = ScholarID("sch_ada")!
        let opening = OpeningID("opn_bog")!
        let placement = PlacementID("plc_one")!
        try decide {
            try Scholar.decide(
                Scholar.Admit(id: scholar, name: "Ada", email: "ada@uni.edu", university: "Uni", cohort: 2026, defaultCohort: 2026), $0)
        }
        try decide {
            try Opening.decide(
                Opening.Create(
                    id: opening, city: "Bogotá", country: "Colombia", host: "iBO — Laboratorio de Innovación Pública de Bogotá",
                    project: "Care Blocks", starts: "2026-06-01", ends: "2026-08-31"), $0)
        }
        try decide { try Placement.decide(Placement.Propose(id: placement, scholar: scholar, opening: opening), $0) }
        try decide { try Placement.decide(Placement.Approve(placement: placement), $0) }
        let json = try cli.run("--json", "placement", "list", "--city", "BOGOTÁ", "--cohort", "2026")
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(try json.json()["placements"] as? [[String: Any]])
        XCTAssertEqual(rows.first?["status"] as? String, "approved")
        XCTAssertEqual(rows.first?["project"] as? String, "Care Blocks")
        XCTAssertEqual(rows.first?["scholar_name"] as? String, "Ada")
        XCTAssertEqual(rows.first?["starts"] as? String, "2026-06-01", "the opening's period")
        XCTAssertEqual(rows.first?["ends"] as? String, "2026-08-31")
        XCTAssertEqual(try cli.run("--json", "placement", "list", "--status", "confirmed").json()["count"] as? Int, 0)
        let human = try cli.run("placement", "list")
        XCTAssertTrue(human.stdout.contains("plc_one") && human.stdout.contains("Care Blocks"), human.stdout)
        XCTAssertTrue(human.stdout.split(separator: "\n").first?.contains("PERIOD") == true, human.stdout)
        XCTAssertTrue(human.stdout.contains("2026-06-01–2026-08-31"), human.stdout)
    }
}
