import Foundation
import Postgres
import TestSupport
import XCTest

/// Roles of work enforced by PostgreSQL, through the built binary run as real login roles:
/// a missing role is exit 5 with nothing written, the recorded login is the authenticated one,
/// and a damaged head stops every write (exit 4).
final class RolesCLITests: XCTestCase {
    var cli: CLIHarness!
    var logins: StaffLogins!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        logins = StaffLogins(databaseURL: cli.databaseURL)
        try cli.openEdition()
    }

    override func tearDown() {
        XCTAssertNoThrow(try logins?.dropAll())
    }

    /// The harness, connecting as a new login holding `roles`.
    func staff(_ base: String, _ roles: [String]) throws -> (login: String, cli: CLIHarness) {
        let login = try logins.create(base, roles: roles)
        return (login, CLIHarness(databaseURL: logins.url(login)))
    }

    func register(_ cli: CLIHarness, _ id: String) throws -> CLIHarness.Run {
        try cli.run("attendee", "register", "--id", id, "--name", id.capitalized, "--email", "\(id)@example.org", "--role", "mayor")
    }

    func assertNotPermitted(_ run: CLIHarness.Run, needs role: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 5, run.stderr, file: file, line: line)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, run.stderr, file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix("error: ") == true && lines[0].contains(role), run.stderr, file: file, line: line)
        XCTAssertEqual(lines.last, "hint: an admin grants it: citylab staff grant LOGIN ROLE", file: file, line: line)
    }

    func testAPlacementsLoginCannotRegisterAnAttendee() throws {
        let (_, placements) = try staff("placements", ["citylab_placements"])
        let before = try cli.eventCount()
        assertNotPermitted(try register(placements, "att_ana"), needs: "citylab_organizer")
        XCTAssertEqual(try cli.eventCount(), before)
        let admitted = try placements.run(
            "scholar", "admit", "--name", "Kofi Mensah", "--email", "kofi@example.edu", "--university", "University of Ghana")
        XCTAssertEqual(admitted.status, 0, admitted.stderr)
        XCTAssertEqual(try cli.eventCount(), before + 2, "its own types go in (ScholarAdmitted, EmailClaimed)")
    }

    func testADeskLoginChecksInButCannotDropASeat() throws {
        XCTAssertEqual(try register(cli, "att_ana").status, 0)
        let scheduled = try cli.run(
            "session", "schedule", "--id", "ses_care", "--title", "Care Blocks", "--room", "Sala 1", "--starts", "2026-10-14T10:00",
            "--ends", "2026-10-14T11:00", "--capacity", "5")
        XCTAssertEqual(scheduled.status, 0, scheduled.stderr)
        XCTAssertEqual(try cli.run("agenda", "add", "att_ana", "ses_care").status, 0)
        let (_, desk) = try staff("desk", ["citylab_desk"])
        let checkedIn = try desk.run("attendee", "check-in", "att_ana")
        XCTAssertEqual(checkedIn.status, 0, checkedIn.stderr)
        let listed = try desk.run("--json", "attendee", "list", "--status", "checked-in")
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("att_ana"), "the desk's write caught the read models up: \(listed.stdout)")
        let before = try cli.eventCount()
        assertNotPermitted(try desk.run("agenda", "drop", "att_ana", "ses_care"), needs: "citylab_organizer")
        XCTAssertEqual(try cli.eventCount(), before)
    }

    func testAnAuditorReadsEverythingAndWritesNothing() throws {
        XCTAssertEqual(try register(cli, "att_ana").status, 0)
        let (_, auditor) = try staff("auditor", ["citylab_auditor"])
        for read in [["audit", "verify"], ["audit", "head"], ["audit", "placements"], ["events"], ["attendee", "list"]] {
            let run = try auditor.run(arguments: read)
            XCTAssertEqual(run.status, 0, "\(read): \(run.stderr)")
        }
        let before = try cli.eventCount()
        assertNotPermitted(try register(auditor, "att_bo"), needs: "citylab_organizer")
        assertNotPermitted(
            try auditor.run("scholar", "admit", "--name", "Kofi", "--email", "kofi@example.edu", "--university", "UG"),
            needs: "citylab_placements")
        assertNotPermitted(try auditor.run("attendee", "check-in", "att_ana"), needs: "citylab_desk or citylab_organizer")
        XCTAssertEqual(try cli.eventCount(), before)
    }

    /// Read models are the projector's: an organizer's rebuild swaps in tables that keep that
    /// owner and the reader's grant, so the next writer and reader still get in.
    func testARebuildByAnOrganizerKeepsTheReadModelsPrivileges() throws {
        let (_, organizer) = try staff("organizer", ["citylab_organizer"])
        XCTAssertEqual(try register(organizer, "att_ana").status, 0)
        let rebuilt = try organizer.run("projections", "rebuild", "--all")
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        let connection = try cli.connection()
        defer { connection.close() }
        let odd = try connection.query(
            """
            SELECT c.relname FROM pg_class c
            WHERE c.relname = ANY($1) AND (pg_get_userbyid(c.relowner) <> 'citylab_projector'
                  OR NOT has_table_privilege('citylab_reader', c.oid, 'SELECT')
                  OR has_table_privilege('citylab_reader', c.oid, 'INSERT'))
            """, [["projection_checkpoints", "attendees", "agendas", "program", "placements"]]
        ).rows.map { $0["relname"] ?? "?" }
        XCTAssertEqual(odd, [])
        XCTAssertEqual(try register(organizer, "att_bo").status, 0)
        let (_, desk) = try staff("desk", ["citylab_desk"])
        XCTAssertEqual(try desk.run("attendee", "check-in", "att_bo").status, 0)
        let listed = try desk.run("--json", "attendee", "list", "--status", "checked-in")
        XCTAssertTrue(listed.stdout.contains("att_bo"), listed.stdout + listed.stderr)
    }

    /// A login without any citylab role is told so, never that the schema is missing.
    func testALoginWithoutRolesIsNotPermittedNotMissingASchema() throws {
        let (_, nobody) = try staff("nobody", [])
        for arguments in [["attendee", "list"], ["db", "migrate"]] {
            let run = try nobody.run(arguments: arguments)
            XCTAssertEqual(run.status, 5, "\(arguments): \(run.stderr)")
            XCTAssertFalse(run.stderr.contains("no citylab schema"), run.stderr)
        }
    }

    /// `--actor` and `CITYLAB_ACTOR` say on whose behalf; the recorded login stays the real one.
    func testTheActorCannotChangeTheRecordedLogin() throws {
        var (login, organizer) = try staff("organizer", ["citylab_organizer"])
        XCTAssertEqual(
            try organizer.run("--actor", "mallory", "attendee", "register", "--name", "A", "--email", "a@x.org", "--role", "mayor").status,
            0)
        organizer.environment["CITYLAB_ACTOR"] = "mallory"
        XCTAssertEqual(try register(organizer, "att_bo").status, 0)
        let connection = try cli.connection()
        defer { connection.close() }
        let rows = try connection.query(
            "SELECT DISTINCT meta->>'actor' AS actor, meta->>'login' AS login FROM events WHERE position > 1"
        ).rows.map { "\($0["actor"] ?? "-") by \($0["login"] ?? "-")" }
        XCTAssertEqual(rows, ["mallory by \(login)"])
    }

    /// A head moved forward or given a garbage hash: the next write says the log is damaged,
    /// exits 4 at once (no retries) and writes nothing.
    func testADamagedHeadStopsTheNextWrite() throws {
        XCTAssertEqual(try register(cli, "att_ana").status, 0)
        for damage in ["UPDATE log_head SET position = position + 1", "UPDATE log_head SET hash = sha256('garbage')"] {
            let connection = try cli.connection()
            defer { connection.close() }
            let kept = try connection.query("SELECT position, hash FROM log_head").rows[0]
            try connection.simpleQuery(damage)
            let before = try cli.eventCount()
            let run = try register(cli, "att_bo")
            XCTAssertEqual(run.status, 4, run.stderr)
            XCTAssertTrue(run.stderr.hasPrefix("error: the log is damaged: "), run.stderr)
            XCTAssertTrue(run.stderr.contains("hint: run 'citylab audit verify'"), run.stderr)
            XCTAssertEqual(try cli.eventCount(), before)
            try connection.execute(
                "UPDATE log_head SET position = $1, hash = $2", [try kept.int64("position"), Bytea(try kept.bytes("hash"))])
        }
    }

    /// A row inserted past the append path took the next position: damage (exit 4), not a
    /// conflict retried for the whole budget (exit 3).
    func testARowPastTheHeadIsDamageNotAConflict() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery(
            """
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            SELECT position + 1, 'attendee-att_raw', 1, 'AttendeeCheckedIn', 1, '{}', '{}', now(), sha256('x') FROM log_head
            """)
        var patient = cli!
        patient.environment["CITYLAB_RETRY_BUDGET_MS"] = "600000"
        let run = try register(patient, "att_bo")
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("the log is damaged"), run.stderr)
    }
}
