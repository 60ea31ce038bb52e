import Domain
import EventStore
import Events
import Foundation
import Postgres
import XCTest

/// The program's invariants under many real `citylab` processes racing against one server.
final class ProgramRaceTests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
    }

    func register(_ count: Int) throws {
        for i in 0..<count {
            let run = try cli.run(arguments: [
                "attendee", "register", "--name", "Person \(i)", "--email", "p\(i)@example.org", "--role", "urbanist", "--id", "att_p\(i)",
            ])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
    }

    func schedule(
        _ id: String, room: String = "Sala Bolívar", starts: String = "2026-10-14T09:00", ends: String = "2026-10-14T10:30", capacity: Int
    ) throws {
        let run = try cli.run(arguments: [
            "session", "schedule", "--id", id, "--title", "Care Blocks", "--room", room, "--starts", starts, "--ends", ends, "--capacity",
            String(capacity),
        ])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func race(_ arguments: [[String]]) throws -> [CLIHarness.Run] {
        let started = try arguments.map { try cli.start($0) }
        return try started.map { try $0.wait() }
    }

    /// Every event of a stream, in order, decoded.
    func stream(_ name: StreamName) throws -> [RecordedEvent] {
        let connection = try cli.connection()
        defer { connection.close() }
        return try EventStore(connection).readStream(name).events
    }

    func testThirtyProcessesRaceForFiveSeats() throws {
        try register(30)
        try schedule("ses_care", capacity: 5)
        let runs = try race((0..<30).map { ["agenda", "add", "att_p\($0)", "ses_care"] })
        XCTAssertTrue(runs.allSatisfy { $0.status == 0 }, runs.filter { $0.status != 0 }.map(\.stderr).joined())
        let events = try stream(.session(SessionID("ses_care")!))
        let seats = try events.filter { $0.type == "SeatTaken" }.map { try XCTUnwrap($0.decoded() as? SeatTaken) }
        let waitlisted = try events.filter { $0.type == "Waitlisted" }.map { try XCTUnwrap($0.decoded() as? Waitlisted) }
        XCTAssertEqual(seats.count, 5)
        XCTAssertEqual(waitlisted.count, 25)
        XCTAssertEqual(waitlisted.map(\.position), Array(1...25), "positions 1–25 in commit order")
        let holders = Set(seats.map(\.attendee))
        let waiting = Set(waitlisted.map(\.attendee))
        XCTAssertEqual(holders.count, 5, "five different people hold the five seats")
        XCTAssertEqual(waiting.count, 25, "25 different people wait")
        XCTAssertTrue(holders.isDisjoint(with: waiting), "nobody both holds a seat and waits: \(holders.intersection(waiting))")
        XCTAssertEqual(holders.union(waiting), Set((0..<30).compactMap { AttendeeID("att_p\($0)") }), "every racer got exactly one answer")
    }

    func testRacingDropsAndAddsNeverExceedCapacityAtAnyPosition() throws {
        try register(12)
        try schedule("ses_care", capacity: 3)
        for i in 0..<6 { XCTAssertEqual(try cli.run("agenda", "add", "att_p\(i)", "ses_care").status, 0) }
        var commands: [[String]] = []
        for i in 0..<3 { commands.append(["agenda", "drop", "att_p\(i)", "ses_care"]) }
        for i in 6..<12 { commands.append(["agenda", "add", "att_p\(i)", "ses_care"]) }
        for i in 3..<5 { commands.append(["agenda", "drop", "att_p\(i)", "ses_care"]) }
        let runs = try race(commands.shuffled())
        // Each drop finds its attendee holding a seat or a waitlist place (promoted or not), and
        // each add is new to the session: every command succeeds, conflicts are retried away.
        for run in runs { XCTAssertEqual(run.status, 0, "exit \(run.status): \(run.stderr)") }
        // Replay the session's log through the same evolve and check every prefix. Nobody here
        // holds another seat, so every waitlisted attendee is eligible: a promotion must take
        // the first in line, a newcomer takes a seat only when nobody waits, and no command
        // ends with a free seat while someone waits.
        let events = try stream(.session(SessionID("ses_care")!))
        var state = Session.initialState
        var promotions = 0
        for (index, event) in events.enumerated() {
            let decoded = try event.decoded()
            if let promoted = decoded as? PromotedFromWaitlist {
                XCTAssertEqual(
                    promoted.attendee, state.waitlist.first, "FIFO: not the first in line promoted at position \(event.position)")
                XCTAssertEqual(promoted.position, 1, "at position \(event.position)")
                promotions += 1
            }
            if decoded is SeatTaken {
                XCTAssertEqual(state.waitlist, [], "a newcomer took a seat ahead of the waitlist at position \(event.position)")
            }
            state = Session.evolve(state, decoded)
            XCTAssertLessThanOrEqual(state.seats.count, state.capacity, "over capacity at position \(event.position)")
            XCTAssertEqual(Set(state.seats).count, state.seats.count, "a seat held twice at position \(event.position)")
            let commandEnds = try index + 1 == events.count || events[index + 1].metadata().commandID != event.metadata().commandID
            if commandEnds {
                XCTAssertFalse(
                    state.freeSeats > 0 && !state.waitlist.isEmpty,
                    "a command left a free seat while \(state.waitlist) waited (position \(event.position))")
            }
        }
        XCTAssertGreaterThanOrEqual(promotions, 1, "the dropped seats went to waitlisted attendees")
        XCTAssertEqual(state.seats.count, 3, "the freed seats are taken from the waitlist")
        XCTAssertEqual(state.waitlist.count, 4, "6 enrolled + 6 added − 5 dropped = 3 seats and 4 waiting")
        XCTAssertEqual(Set(state.waitlist).count, 4)
        XCTAssertTrue(Set(state.seats).isDisjoint(with: state.waitlist))
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)
    }

    func testRacingAddsOfOneAttendeeIntoOverlappingSessionsGiveOneSeat() throws {
        try register(1)
        let sessions = (0..<6).map { "ses_o\($0)" }
        for (i, id) in sessions.enumerated() {
            // 09:00–10:00, 09:05–10:05, …: every pair overlaps; different rooms, free seats.
            try schedule(id, room: "Room \(i)", starts: "2026-10-14T09:0\(i)", ends: "2026-10-14T10:0\(i)", capacity: 5)
        }
        let runs = try race(sessions.map { ["agenda", "add", "att_p0", $0] })
        XCTAssertEqual(runs.filter { $0.status == 0 }.count, 1, runs.map { "exit \($0.status): \($0.stderr)" }.joined())
        for run in runs where run.status != 0 {
            XCTAssertTrue([1, 3].contains(run.status), "exit \(run.status): \(run.stderr)")
            if run.status == 1 { XCTAssertTrue(run.stderr.hasPrefix("error: ") && run.stderr.contains("overlaps"), run.stderr) }
        }
        let connection = try cli.connection()
        defer { connection.close() }
        let taken = try connection.query("SELECT count(*) AS n FROM events WHERE type = 'SeatTaken' AND data->>'attendee' = 'att_p0'")
        XCTAssertEqual(try taken.rows[0].int("n"), 1, "one seat in the whole log")
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM events WHERE type = 'Waitlisted'").rows[0].int("n"), 0)
        // The attendee's own stream, replayed: at no point two seats, let alone overlapping ones.
        var attendee = Attendee.initialState
        for event in try stream(.attendee(AttendeeID("att_p0")!)) {
            attendee = Attendee.evolve(attendee, try event.decoded())
            let spans = Array(attendee.seats.values)
            for (i, a) in spans.enumerated() {
                for b in spans[(i + 1)...] { XCTAssertFalse(a.overlaps(b), "overlapping seats at position \(event.position)") }
            }
        }
        XCTAssertEqual(attendee.seats.count, 1)
    }

    func testRacingSchedulesIntoOneRoomLeaveExactlyOne() throws {
        let runs = try race(
            (0..<10).map { i in
                [
                    "session", "schedule", "--id", "ses_r\(i)", "--title", "Talk \(i)", "--room", "Sala Bolívar", "--starts",
                    "2026-10-14T09:\(10 + i)",
                    "--ends", "2026-10-14T10:\(10 + i)", "--capacity", "10",
                ]
            })
        XCTAssertEqual(runs.filter { $0.status == 0 }.count, 1, runs.map(\.stderr).joined())
        for run in runs where run.status != 0 {
            XCTAssertTrue([1, 3].contains(run.status), "exit \(run.status): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), run.stderr)
        }
        let connection = try cli.connection()
        defer { connection.close() }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM events WHERE type = 'SessionScheduled'").rows[0].int("n"), 1)
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM events WHERE type = 'RoomBooked'").rows[0].int("n"), 1)
    }

    func testAgendaRulesThroughTheCLI() throws {
        try register(3)
        try schedule("ses_care", capacity: 1)
        try schedule("ses_clash", room: "Sala 2", starts: "2026-10-14T10:00", ends: "2026-10-14T11:00", capacity: 5)
        let seat = try cli.run("--json", "agenda", "add", "p0@example.org", "ses_care")
        XCTAssertEqual(seat.status, 0, seat.stderr)
        XCTAssertEqual(try seat.json()["status"] as? String, "seat")
        let waitlisted = try cli.run("--json", "agenda", "add", "att_p1", "ses_care")
        XCTAssertEqual(try waitlisted.json()["waitlist_position"] as? Int, 1)
        let human = try cli.run("agenda", "add", "att_p2", "ses_care")
        XCTAssertTrue(human.stdout.contains("position 2"), human.stdout)
        let before = try cli.eventCount()
        let cases: [(String, [String], Int32)] = [
            ("twice", ["agenda", "add", "att_p0", "ses_care"], 1),
            ("overlap", ["agenda", "add", "att_p0", "ses_clash"], 1),
            ("unknown session", ["agenda", "add", "att_p0", "ses_nope"], 1),
            ("unknown attendee", ["agenda", "add", "nobody@example.org", "ses_care"], 1),
            ("drop not held", ["agenda", "drop", "att_p0", "ses_clash"], 1),
            (
                "capacity zero",
                [
                    "session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-10-14T09:00", "--ends", "2026-10-14T10:00",
                    "--capacity", "0",
                ], 2
            ),
            (
                "capacity malformed",
                [
                    "session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-10-14T09:00", "--ends", "2026-10-14T10:00",
                    "--capacity", "ten",
                ], 2
            ),
            (
                "malformed time",
                [
                    "session", "schedule", "--title", "X", "--room", "R", "--starts", "14 Oct 9am", "--ends", "2026-10-14T10:00",
                    "--capacity", "3",
                ], 2
            ),
            (
                "outside the edition",
                [
                    "session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-11-14T09:00", "--ends", "2026-11-14T10:00",
                    "--capacity", "3",
                ], 1
            ),
            ("missing argument", ["agenda", "add", "att_p0"], 2),
        ]
        for (label, arguments, expected) in cases {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, expected, "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(label): \(run.stderr)")
        }
        XCTAssertEqual(try cli.eventCount(), before, "refused commands write nothing")
        // A drop promotes the first waitlisted attendee in the same transaction.
        let drop = try cli.run("--json", "agenda", "drop", "att_p0", "ses_care")
        XCTAssertEqual(drop.status, 0, drop.stderr)
        let types = try XCTUnwrap(try drop.json()["events"] as? [[String: Any]]).compactMap { $0["type"] as? String }
        XCTAssertTrue(types.contains("PromotedFromWaitlist"), "\(types)")
    }

    func testRegistrationLifecycleThroughTheCLI() throws {
        try register(2)
        try schedule("ses_care", capacity: 1)
        XCTAssertEqual(try cli.run("agenda", "add", "att_p0", "ses_care").status, 0)
        XCTAssertEqual(try cli.run("agenda", "add", "att_p1", "ses_care").status, 0)
        let cancel = try cli.run("attendee", "cancel", "p0@example.org", "--reason", "travel")
        XCTAssertEqual(cancel.status, 0, cancel.stderr)
        XCTAssertTrue(cancel.stdout.contains("att_p1 moved up"), cancel.stdout)
        XCTAssertEqual(try cli.run("attendee", "check-in", "att_p0").status, 1, "check-in needs an active registration")
        XCTAssertEqual(
            try cli.run("attendee", "register", "--name", "Back", "--email", "P0@example.org", "--role", "mayor").status, 0,
            "a cancelled email may register again")
        XCTAssertEqual(try cli.run("attendee", "check-in", "att_p1").status, 0)
        XCTAssertEqual(try cli.run("attendee", "check-in", "att_p1").status, 1, "check-in once")
        let reissue = try cli.run("--json", "attendee", "reissue-link", "att_p1")
        XCTAssertEqual(reissue.status, 0, reissue.stderr)
        XCTAssertNotNil(try reissue.json()["agenda_url"])
        let cancelSession = try cli.run("session", "cancel", "ses_care", "--reason", "speaker unwell")
        XCTAssertEqual(cancelSession.status, 0, cancelSession.stderr)
        XCTAssertEqual(try cli.run("agenda", "add", "att_p1", "ses_care").status, 1, "a cancelled session takes nobody")
    }
}
