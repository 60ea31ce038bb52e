import Domain
import Events
import XCTest

/// Capacity changes, reschedules and cancellations of sessions.
final class ProgramSessionChangeTests: XCTestCase {
    private func reschedule(
        _ s: SessionID, room: String? = nil, starts: String? = nil, ends: String? = nil, capacity: Int? = nil
    ) -> (InMemoryStreams) throws -> [PendingEvent] {
        { try Session.decide(Session.Reschedule(session: s, room: room, starts: starts, ends: ends, capacity: capacity), $0) }
    }

    private func local(_ time: String) -> Date { ProgramFixture.local("2026-10-14T\(time)") }

    /// A 1-seat session held by the first of `names`, the rest waitlisted in order.
    private func fullTalk(_ fixture: ProgramFixture, _ names: [String]) throws -> (SessionID, [AttendeeID]) {
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let people = try names.map { try fixture.register($0) }
        for a in people { try fixture.add(a, talk) }
        return (talk, people)
    }

    func testRaisingCapacityByTwoPromotesTwo() throws {
        let fixture = try ProgramFixture()
        let (talk, p) = try fullTalk(fixture, ["Ana", "Bo", "Cy", "Di"])
        assertEvents(
            try fixture.when(reschedule(talk, capacity: 3)),
            [
                PendingEvent(.session(talk), SessionCapacityChanged(session: talk, capacity: 3, previousCapacity: 1)),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: p[1], position: 1)),
                PendingEvent(.attendee(p[1]), SeatHeld(attendee: p[1], session: talk, starts: local("10:00"), ends: local("11:00"))),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: p[2], position: 1)),
                PendingEvent(.attendee(p[2]), SeatHeld(attendee: p[2], session: talk, starts: local("10:00"), ends: local("11:00"))),
            ])
        assertIdempotent(fixture, reschedule(talk, capacity: 3))
        XCTAssertEqual(try fixture.session(talk).seats, [p[0], p[1], p[2]])
        XCTAssertEqual(try fixture.session(talk).waitlist, [p[3]])
    }

    func testLoweringCapacityEvictsNobodyAndPromotesOnlyBelowIt() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 3)
        let p = try ["Ana", "Bo", "Cy", "Di"].map { try fixture.register($0) }
        for a in p { try fixture.add(a, talk) }
        assertEvents(
            try fixture.run(reschedule(talk, capacity: 1)),
            [PendingEvent(.session(talk), SessionCapacityChanged(session: talk, capacity: 1, previousCapacity: 3))])
        XCTAssertEqual(try fixture.session(talk).seats, [p[0], p[1], p[2]])
        // 3 seats taken of 1: a drop frees nothing.
        XCTAssertEqual(
            try fixture.run { try Agenda.decide(Agenda.Drop(attendee: p[0], session: talk), $0) }.map(\.event.eventType),
            ["SeatReleased", "SessionLeft"])
        XCTAssertEqual(try fixture.session(talk).freeSeats, 0)
        XCTAssertEqual(try fixture.session(talk).position(of: p[3]), 1)
    }

    func testRescheduleMovesTheSeatsAndFlagsNewOverlaps() throws {
        let fixture = try ProgramFixture()
        let morning = try fixture.schedule("morning", "10:00", "11:00")
        let noon = try fixture.schedule("noon", "12:00", "13:00")
        let (ana, bo) = (try fixture.register("Ana"), try fixture.register("Bo"))
        try fixture.add(ana, morning)
        try fixture.add(ana, noon)
        try fixture.add(bo, noon)
        assertEvents(
            try fixture.when(reschedule(noon, starts: "2026-10-14T10:30")),
            [
                PendingEvent(
                    .session(noon),
                    SessionRescheduled(
                        session: noon, conference: ProgramFixture.edition, room: "Room noon", starts: local("10:30"), ends: local("11:30"),
                        previousRoom: "Room noon", previousStarts: local("12:00"), previousEnds: local("13:00"))),
                PendingEvent(
                    .program(ProgramFixture.edition),
                    RoomBooked(
                        conference: ProgramFixture.edition, session: noon, room: "Room noon", starts: local("10:30"), ends: local("11:30"))),
                PendingEvent(.attendee(ana), SeatTimesChanged(attendee: ana, session: noon, starts: local("10:30"), ends: local("11:30"))),
                PendingEvent(.attendee(ana), AgendaOverlapFlagged(attendee: ana, session: noon, clashesWith: morning)),
                PendingEvent(.attendee(bo), SeatTimesChanged(attendee: bo, session: noon, starts: local("10:30"), ends: local("11:30"))),
            ])
        assertIdempotent(fixture, reschedule(noon, starts: "2026-10-14T10:30"))
        XCTAssertEqual(try fixture.attendee(ana).seats[noon], TimeSpan(starts: local("10:30"), ends: local("11:30")), "both seats kept")
        XCTAssertNotNil(try fixture.attendee(ana).seats[morning])
        // Still overlapping after another move: the overlap is not new, so no second flag.
        XCTAssertEqual(
            try fixture.when(reschedule(noon, starts: "2026-10-14T10:15")).map(\.event.eventType),
            ["SessionRescheduled", "RoomBooked", "SeatTimesChanged", "SeatTimesChanged"])
    }

    func testRescheduleFollowsTheRoomRules() throws {
        let fixture = try ProgramFixture()
        let first = try fixture.schedule("first", "10:00", "11:00", room: "Hall A")
        let second = try fixture.schedule("second", "12:00", "13:00", room: "Hall A")
        assertRejects("room-booked") { try fixture.when(self.reschedule(second, starts: "2026-10-14T10:30")) }
        assertRejects("outside-edition") { try fixture.when(self.reschedule(second, starts: "2026-10-17T10:00")) }
        assertRejects("invalid-times") { try fixture.when(self.reschedule(second, ends: "2026-10-14T11:00")) }
        assertRejects("nothing-to-change") { try fixture.when(self.reschedule(second)) }
        XCTAssertEqual(try fixture.run(reschedule(second, starts: "2026-10-14T11:00")).count, 2, "adjacent to first")
        // The old slot is free again, and moving a session onto its own booking is no clash.
        XCTAssertEqual(try fixture.run(reschedule(first, starts: "2026-10-14T12:00", ends: "2026-10-14T13:30")).count, 2)
        XCTAssertEqual(try fixture.run(reschedule(first, ends: "2026-10-14T14:00")).count, 2)
        XCTAssertEqual(try fixture.run(reschedule(second, room: "Hall B")).count, 2)
        XCTAssertEqual(try fixture.when(reschedule(second, room: "Hall B", starts: "2026-10-14T11:00", ends: "2026-10-14T12:00")).count, 0)
    }

    func testCancellingASessionLeavesEveryAgendaAndNobodyIsPromotedIntoIt() throws {
        let fixture = try ProgramFixture()
        let (talk, p) = try fullTalk(fixture, ["Ana", "Bo", "Cy"])
        let cancel: (InMemoryStreams) throws -> [PendingEvent] = {
            try Session.decide(Session.Cancel(session: talk, reason: "speaker ill"), $0)
        }
        assertEvents(
            try fixture.when(cancel),
            [
                PendingEvent(.session(talk), SessionCancelled(session: talk, conference: ProgramFixture.edition, reason: "speaker ill")),
                PendingEvent(
                    .program(ProgramFixture.edition), RoomReleased(conference: ProgramFixture.edition, session: talk, room: "Room talk")),
                PendingEvent(.attendee(p[0]), SessionLeft(attendee: p[0], session: talk, reason: .sessionCancelled)),
                PendingEvent(.attendee(p[1]), SessionLeft(attendee: p[1], session: talk, reason: .sessionCancelled)),
                PendingEvent(.attendee(p[2]), SessionLeft(attendee: p[2], session: talk, reason: .sessionCancelled)),
            ])
        assertIdempotent(fixture, cancel)
        assertRejects("already-cancelled") { try fixture.when(cancel) }
        for a in p {
            XCTAssertTrue(try fixture.attendee(a).seats.isEmpty)
            XCTAssertTrue(try fixture.attendee(a).waitlists.isEmpty)
        }
        assertRejects("session-cancelled") { try fixture.when(self.reschedule(talk, capacity: 9)) }
        // The room is free for another session.
        XCTAssertEqual(try fixture.schedule("again", "10:00", "11:00", room: "Room talk").rawValue, "ses_again")
    }

    /// Bo waits for `talk` (a free seat he was skipped for) because he holds `clash`; when
    /// `clash` is cancelled, or moved away, he takes that seat in the same decision.
    private func skippedForAClash(_ fixture: ProgramFixture) throws -> (talk: SessionID, clash: SessionID, bo: AttendeeID) {
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let clash = try fixture.schedule("clash", "10:30", "11:30", room: "Room clash")
        let (ana, bo) = (try fixture.register("Ana"), try fixture.register("Bo"))
        try fixture.add(ana, talk)
        try fixture.add(bo, clash)
        try fixture.add(bo, talk)
        _ = try fixture.run { try Agenda.decide(Agenda.Drop(attendee: ana, session: talk), $0) }
        XCTAssertEqual(try fixture.session(talk).freeSeats, 1, "Bo was skipped: the seat stays free")
        return (talk, clash, bo)
    }

    func testCancellingTheClashingSessionPromotesTheSkippedAttendee() throws {
        let fixture = try ProgramFixture()
        let (talk, clash, bo) = try skippedForAClash(fixture)
        let cancel: (InMemoryStreams) throws -> [PendingEvent] = { try Session.decide(Session.Cancel(session: clash), $0) }
        assertEvents(
            try fixture.run(cancel),
            [
                PendingEvent(.session(clash), SessionCancelled(session: clash, conference: ProgramFixture.edition, reason: nil)),
                PendingEvent(
                    .program(ProgramFixture.edition), RoomReleased(conference: ProgramFixture.edition, session: clash, room: "Room clash")),
                PendingEvent(.attendee(bo), SessionLeft(attendee: bo, session: clash, reason: .sessionCancelled)),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: bo, position: 1)),
                PendingEvent(.attendee(bo), SeatHeld(attendee: bo, session: talk, starts: local("10:00"), ends: local("11:00"))),
            ])
        XCTAssertEqual(try fixture.session(talk).seats, [bo])
    }

    func testMovingTheClashingSessionAwayPromotesTheSkippedAttendee() throws {
        let fixture = try ProgramFixture()
        let (talk, clash, bo) = try skippedForAClash(fixture)
        _ = try fixture.run(reschedule(clash, starts: "2026-10-14T15:00"))
        XCTAssertEqual(try fixture.session(talk).seats, [bo])
        XCTAssertEqual(try fixture.session(talk).waitlist, [])
    }

    func testMovingTheClashingSessionToAnotherClashPromotesNobody() throws {
        let fixture = try ProgramFixture()
        let (talk, clash, _) = try skippedForAClash(fixture)
        _ = try fixture.run(reschedule(clash, starts: "2026-10-14T10:15"))
        XCTAssertEqual(try fixture.session(talk).freeSeats, 1)
        XCTAssertEqual(try fixture.session(talk).waitlist.count, 1)
    }
}
