import Domain
import Events
import XCTest

final class ProgramAgendaTests: XCTestCase {
    private func add(_ a: AttendeeID, _ s: SessionID) -> (InMemoryStreams) throws -> [PendingEvent] {
        { try Agenda.decide(Agenda.Add(attendee: a, session: s), $0) }
    }

    private func drop(_ a: AttendeeID, _ s: SessionID) -> (InMemoryStreams) throws -> [PendingEvent] {
        { try Agenda.decide(Agenda.Drop(attendee: a, session: s), $0) }
    }

    private func held(_ a: AttendeeID, _ s: SessionID, _ starts: String, _ ends: String) -> PendingEvent {
        PendingEvent(
            .attendee(a),
            SeatHeld(
                attendee: a, session: s, starts: ProgramFixture.local("2026-10-14T\(starts)"),
                ends: ProgramFixture.local("2026-10-14T\(ends)")))
    }

    func testAFreeSeatIsTakenOnBothStreams() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let talk = try fixture.schedule("talk", "10:00", "11:00")
        assertEvents(
            try fixture.when(add(ana, talk)),
            [PendingEvent(.session(talk), SeatTaken(session: talk, attendee: ana)), held(ana, talk, "10:00", "11:00")])
        assertIdempotent(fixture, add(ana, talk))
        assertRejects("already-enrolled") { try fixture.when(self.add(ana, talk)) }
    }

    func testTheSixthEnrollmentIntoFiveSeatsIsWaitlistedAtOne() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 5)
        for name in ["A", "B", "C", "D", "E"] { try fixture.add(try fixture.register(name), talk) }
        let sixth = try fixture.register("Sixth")
        assertEvents(
            try fixture.when(add(sixth, talk)),
            [
                PendingEvent(.session(talk), Waitlisted(session: talk, attendee: sixth, position: 1)),
                PendingEvent(.attendee(sixth), WaitlistJoined(attendee: sixth, session: talk)),
            ])
        try fixture.add(sixth, talk)
        let seventh = try fixture.register("Seventh")
        XCTAssertEqual(
            lines(try fixture.add(seventh, talk)).first,
            lines([PendingEvent(.session(talk), Waitlisted(session: talk, attendee: seventh, position: 2))]).first)
        let refusal = assertRejects("already-waitlisted") { try fixture.when(self.add(sixth, talk)) }
        XCTAssertTrue(refusal?.message.contains("position 1") ?? false, refusal?.message ?? "")
        XCTAssertEqual(try fixture.session(talk).seats.count, 5)
    }

    func testASeatInAnOverlappingSessionIsRefusedNamingTheClash() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let morning = try fixture.schedule("morning", "10:00", "11:00")
        let clash = try fixture.schedule("clash", "10:30", "11:30")
        let next = try fixture.schedule("next", "11:00", "12:00")
        try fixture.add(ana, morning)
        let refusal = assertRejects("overlap") { try fixture.when(self.add(ana, clash)) }
        for fact in ["Talk morning", "ses_morning", "2026-10-14T10:00–11:00", "ses_clash"] {
            XCTAssertTrue(refusal?.message.contains(fact) ?? false, "\(fact) missing in: \(refusal?.message ?? "")")
        }
        XCTAssertEqual(try fixture.add(ana, next).count, 2, "adjacent sessions do not overlap")
    }

    func testAFullOverlappingSessionMayBeWaitlisted() throws {
        let fixture = try ProgramFixture()
        let (ana, bo) = (try fixture.register("Ana"), try fixture.register("Bo"))
        let morning = try fixture.schedule("morning", "10:00", "11:00")
        let full = try fixture.schedule("full", "10:30", "11:30", capacity: 1)
        try fixture.add(ana, morning)
        try fixture.add(bo, full)
        XCTAssertEqual(try fixture.add(ana, full).map(\.event.eventType), ["Waitlisted", "WaitlistJoined"])
    }

    func testUnknownCancelledAndForeignThingsAreRefused() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let talk = try fixture.schedule("talk", "10:00", "11:00")
        assertRejects("unknown-session") { try fixture.when(self.add(ana, .make(suffix: "nope"))) }
        assertRejects("unknown-attendee") { try fixture.when(self.add(.make(suffix: "nobody"), talk)) }

        let other = ConferenceID("citylab-2027")!
        try fixture.run {
            try Conference.decide(
                Conference.Open(
                    id: other.rawValue, name: "CityLab 2027", city: "Bogotá", timeZone: "America/Bogota", starts: "2027-10-14",
                    ends: "2027-10-16"), $0.state(Conference.self, .conference(other)))
        }
        let visitor = try fixture.register("Visitor", conference: other)
        assertRejects("other-edition") { try fixture.when(self.add(visitor, talk)) }

        let gone = try fixture.schedule("gone", "12:00", "13:00")
        try fixture.run { try Session.decide(Session.Cancel(session: gone), $0) }
        assertRejects("session-cancelled") { try fixture.when(self.add(ana, gone)) }

        try fixture.run { try Attendee.decide(Attendee.Cancel(attendee: ana), $0) }
        assertRejects("attendee-cancelled") { try fixture.when(self.add(ana, talk)) }
        assertRejects("attendee-cancelled") { try fixture.when(self.drop(ana, talk)) }
    }

    func testDroppingASeatPromotesTheFirstWaitlisted() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let (ana, bo, cy) = (try fixture.register("Ana"), try fixture.register("Bo"), try fixture.register("Cy"))
        for a in [ana, bo, cy] { try fixture.add(a, talk) }
        assertEvents(
            try fixture.when(drop(ana, talk)),
            [
                PendingEvent(.session(talk), SeatReleased(session: talk, attendee: ana, reason: .dropped)),
                PendingEvent(.attendee(ana), SessionLeft(attendee: ana, session: talk, reason: .dropped)),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: bo, position: 1)),
                held(bo, talk, "10:00", "11:00"),
            ])
        assertIdempotent(fixture, drop(ana, talk))
        assertRejects("not-enrolled") { try fixture.when(self.drop(ana, talk)) }
        XCTAssertEqual(try fixture.session(talk).seats, [bo])
        XCTAssertEqual(try fixture.session(talk).position(of: cy), 1)
        XCTAssertEqual(try fixture.attendee(bo).seats.keys.sorted(), [talk])
        XCTAssertEqual(try fixture.attendee(bo).waitlists, [])
    }

    func testAWaitlistedAttendeeHoldingAnOverlappingSeatIsSkippedAndFlagged() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let other = try fixture.schedule("other", "10:30", "11:30")
        let (ana, bo, cy) = (try fixture.register("Ana"), try fixture.register("Bo"), try fixture.register("Cy"))
        try fixture.add(ana, talk)
        try fixture.add(bo, other)
        try fixture.add(bo, talk)  // waitlisted at 1 while holding an overlapping seat
        try fixture.add(cy, talk)  // waitlisted at 2
        assertEvents(
            try fixture.run(drop(ana, talk)),
            [
                PendingEvent(.session(talk), SeatReleased(session: talk, attendee: ana, reason: .dropped)),
                PendingEvent(.attendee(ana), SessionLeft(attendee: ana, session: talk, reason: .dropped)),
                PendingEvent(.session(talk), WaitlistSkipped(session: talk, attendee: bo, position: 1, clashesWith: other)),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: cy, position: 2)),
                held(cy, talk, "10:00", "11:00"),
            ])
        XCTAssertEqual(try fixture.session(talk).position(of: bo), 1, "the skipped attendee keeps their place")
    }

    func testASkipIsFlaggedOnceAndANewcomerNeverJumpsAnEligibleWaitlister() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let other = try fixture.schedule("other", "10:30", "11:30")
        let (ana, bo, cy, di) = (
            try fixture.register("Ana"), try fixture.register("Bo"), try fixture.register("Cy"), try fixture.register("Di")
        )
        try fixture.add(ana, talk)
        try fixture.add(bo, other)
        try fixture.add(bo, talk)
        try fixture.run(drop(ana, talk))  // Bo skipped and flagged; the seat stays free
        // Cy takes the free seat; Bo is still skipped but not flagged again.
        assertEvents(
            try fixture.run(add(cy, talk)),
            [PendingEvent(.session(talk), SeatTaken(session: talk, attendee: cy)), held(cy, talk, "10:00", "11:00")])
        try fixture.run(drop(cy, talk))  // Bo still clashes: the seat stays free, no new flag
        // The clash ends: Bo takes the free seat he was waiting for, in the same decision.
        assertEvents(
            try fixture.run(drop(bo, other)),
            [
                PendingEvent(.session(other), SeatReleased(session: other, attendee: bo, reason: .dropped)),
                PendingEvent(.attendee(bo), SessionLeft(attendee: bo, session: other, reason: .dropped)),
                PendingEvent(.session(talk), PromotedFromWaitlist(session: talk, attendee: bo, position: 1)),
                held(bo, talk, "10:00", "11:00"),
            ])
        // Di arrives after him: the waitlist.
        assertEvents(
            try fixture.when(add(di, talk)),
            [
                PendingEvent(.session(talk), Waitlisted(session: talk, attendee: di, position: 1)),
                PendingEvent(.attendee(di), WaitlistJoined(attendee: di, session: talk)),
            ])
    }

    func testDroppingTheClashingSeatPromotesOnlyWhereASeatIsFree() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let other = try fixture.schedule("other", "10:30", "11:30")
        let (ana, bo) = (try fixture.register("Ana"), try fixture.register("Bo"))
        try fixture.add(ana, talk)
        try fixture.add(bo, other)
        try fixture.add(bo, talk)  // waitlisted: Ana holds the only seat
        // No free seat in talk: dropping the clash changes nothing there.
        assertEvents(
            try fixture.run(drop(bo, other)),
            [
                PendingEvent(.session(other), SeatReleased(session: other, attendee: bo, reason: .dropped)),
                PendingEvent(.attendee(bo), SessionLeft(attendee: bo, session: other, reason: .dropped)),
            ])
        XCTAssertEqual(try fixture.session(talk).waitlist, [bo])
    }

    func testLeavingTheWaitlistRenumbersTheRest() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let people = try ["Ana", "Bo", "Cy", "Di"].map { try fixture.register($0) }
        for a in people { try fixture.add(a, talk) }
        assertEvents(
            try fixture.run(drop(people[1], talk)),
            [
                PendingEvent(.session(talk), WaitlistLeft(session: talk, attendee: people[1], position: 1, reason: .dropped)),
                PendingEvent(.attendee(people[1]), SessionLeft(attendee: people[1], session: talk, reason: .dropped)),
            ])
        XCTAssertEqual(try fixture.session(talk).position(of: people[2]), 1)
        XCTAssertEqual(try fixture.session(talk).position(of: people[3]), 2)
        XCTAssertEqual(try fixture.attendee(people[1]).waitlists, [])
        let late = try fixture.register("Late")
        XCTAssertEqual(
            lines(try fixture.add(late, talk)).first,
            lines([PendingEvent(.session(talk), Waitlisted(session: talk, attendee: late, position: 3))]).first)
    }

    func testDroppingSomethingNotHeldIsRefused() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let talk = try fixture.schedule("talk", "10:00", "11:00")
        let refusal = assertRejects("not-enrolled") { try fixture.when(self.drop(ana, talk)) }
        XCTAssertTrue(refusal?.message.contains("Talk talk") ?? false)
        assertRejects("unknown-session") { try fixture.when(self.drop(ana, .make(suffix: "nope"))) }
    }
}
