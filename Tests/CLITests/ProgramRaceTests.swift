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
            let run = try cli.run(arguments: ["attendee", "register", "--name", "Person \(i)", "--email", "p\(i)@example.org", "--role", "urbanist", "--id", "att_p\(i)"])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
    }

    func schedule(_ id: String, room: String = "Sala Bolívar", starts: String = "2026-10-14T09:00", ends: String = "2026-10-14T10:30", capacity: Int) throws {
        let run = try cli.run(arguments: ["session", "schedule", "--id", id, "--title", "Care Blocks", "--room", room, "--starts", starts, "--ends", ends, "--capacity", String(capacity)])
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
        let seats = events.filter { $0.type == "SeatTaken" }
        let waitlisted = try events.filter { $0.type == "Waitlisted" }.map { try XCTUnwrap($0.decoded() as? Waitlisted) }
        XCTAssertEqual(seats.count, 5)
        XCTAssertEqual(waitlisted.count, 25)
        XCTAssertEqual(waitlisted.map(\.position), Array(1...25), "positions 1–25 in commit order")
        XCTAssertEqual(Set(waitlisted.map(\.attendee)).count, 25)
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
        for run in runs { XCTAssertTrue([0, 1, 3].contains(run.status), "exit \(run.status): \(run.stderr)") }
        // Replay the session's log through the same evolve and check every prefix.
        var state = Session.initialState
        for event in try stream(.session(SessionID("ses_care")!)) {
            state = Session.evolve(state, try event.decoded())
            XCTAssertLessThanOrEqual(state.seats.count, state.capacity, "over capacity at position \(event.position)")
            XCTAssertEqual(Set(state.seats).count, state.seats.count, "a seat held twice at position \(event.position)")
        }
        XCTAssertEqual(state.seats.count, 3, "the freed seats are taken from the waitlist")
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)
    }

    func testRacingSchedulesIntoOneRoomLeaveExactlyOne() throws {
        let runs = try race(
            (0..<10).map { i in
                ["session", "schedule", "--id", "ses_r\(i)", "--title", "Talk \(i)", "--room", "Sala Bolívar", "--starts", "2026-10-14T09:\(10 + i)",
                 "--ends", "2026-10-14T10:\(10 + i)", "--capacity", "10"]
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
            ("capacity zero", ["session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-10-14T09:00", "--ends", "2026-10-14T10:00", "--capacity", "0"], 1),
            ("capacity malformed", ["session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-10-14T09:00", "--ends", "2026-10-14T10:00", "--capacity", "ten"], 2),
            ("malformed time", ["session", "schedule", "--title", "X", "--room", "R", "--starts", "14 Oct 9am", "--ends", "2026-10-14T10:00", "--capacity", "3"], 1),
            ("outside the edition", ["session", "schedule", "--title", "X", "--room", "R", "--starts", "2026-11-14T09:00", "--ends", "2026-11-14T10:00", "--capacity", "3"], 1),
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
        XCTAssertEqual(try cli.run("attendee", "register", "--name", "Back", "--email", "P0@example.org", "--role", "mayor").status, 0, "a cancelled email may register again")
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
