import Domain
import Events
import XCTest

final class AttendeeLifecycleTests: XCTestCase {
    private func cancel(_ a: AttendeeID) -> (InMemoryStreams) throws -> [PendingEvent] {
        { try Attendee.decide(Attendee.Cancel(attendee: a, reason: "travel"), $0) }
    }

    func testCancellingFreesSeatsInSeveralSessionsPromotingInEachAndReleasesTheEmail() throws {
        let fixture = try ProgramFixture()
        let morning = try fixture.schedule("a-morning", "10:00", "11:00", capacity: 1)
        let noon = try fixture.schedule("b-noon", "12:00", "13:00", capacity: 1)
        let late = try fixture.schedule("c-late", "14:00", "15:00", capacity: 1)
        let (ana, bo, cy, di) = (
            try fixture.register("Ana"), try fixture.register("Bo"), try fixture.register("Cy"), try fixture.register("Di")
        )
        try fixture.add(ana, morning)
        try fixture.add(ana, noon)
        try fixture.add(di, late)
        try fixture.add(ana, late)  // waitlisted at 1
        try fixture.add(bo, morning)
        try fixture.add(cy, noon)
        try fixture.add(bo, late)  // waitlisted at 2
        let scope = Attendee.emailScope(ProgramFixture.edition)
        let span = { (s: String, e: String) in (ProgramFixture.local("2026-10-14T\(s)"), ProgramFixture.local("2026-10-14T\(e)")) }
        let (m, n) = (span("10:00", "11:00"), span("12:00", "13:00"))
        assertEvents(
            try fixture.when(cancel(ana)),
            [
                PendingEvent(.attendee(ana), AttendeeCancelled(attendee: ana, conference: ProgramFixture.edition, reason: "travel")),
                PendingEvent(.session(morning), SeatReleased(session: morning, attendee: ana, reason: .registrationCancelled)),
                PendingEvent(.session(morning), PromotedFromWaitlist(session: morning, attendee: bo, position: 1)),
                PendingEvent(.attendee(bo), SeatHeld(attendee: bo, session: morning, starts: m.0, ends: m.1)),
                PendingEvent(.session(noon), SeatReleased(session: noon, attendee: ana, reason: .registrationCancelled)),
                PendingEvent(.session(noon), PromotedFromWaitlist(session: noon, attendee: cy, position: 1)),
                PendingEvent(.attendee(cy), SeatHeld(attendee: cy, session: noon, starts: n.0, ends: n.1)),
                PendingEvent(.session(late), WaitlistLeft(session: late, attendee: ana, position: 1, reason: .registrationCancelled)),
                PendingEvent(
                    .emailClaim(scope: scope, email: "ana@example.org"),
                    EmailReleased(scope: scope, email: "ana@example.org", holder: ana.rawValue)),
            ])
        assertIdempotent(fixture, cancel(ana))
        assertRejects("already-cancelled") { try fixture.when(self.cancel(ana)) }
        XCTAssertEqual(try fixture.session(late).position(of: bo), 1, "the waitlist behind moved up")
        XCTAssertTrue(try fixture.attendee(ana).seats.isEmpty)
        // The address may register again (a new attendee id).
        let again = Attendee.Register(
            id: .make(suffix: "ana2"), name: "Ana", email: "ANA@example.org", role: "mayor", organization: nil, city: nil,
            tokenHash: ProgramFixture.tokenHash(99))
        let claim = StreamName.emailClaim(scope: scope, email: "ana@example.org")
        XCTAssertEqual(
            try fixture.when {
                try Attendee.decide(
                    again, conference: $0.state(Conference.self, .conference(ProgramFixture.edition)),
                    attendee: $0.state(Attendee.self, .attendee(again.id)), email: $0.state(EmailClaim.self, claim))
            }.count, 2)
    }

    func testCancellingAWaitlistedAttendeeRenumbersTheRest() throws {
        let fixture = try ProgramFixture()
        let talk = try fixture.schedule("talk", "10:00", "11:00", capacity: 1)
        let p = try ["Ana", "Bo", "Cy", "Di"].map { try fixture.register($0) }
        for a in p { try fixture.add(a, talk) }
        XCTAssertEqual(
            lines(try fixture.run(cancel(p[2])))[1],
            lines([PendingEvent(.session(talk), WaitlistLeft(session: talk, attendee: p[2], position: 2, reason: .registrationCancelled))])[
                0])
        XCTAssertEqual(try fixture.session(talk).waitlist, [p[1], p[3]])
        XCTAssertEqual(try fixture.session(talk).position(of: p[3]), 2)
    }

    func testCheckInOnceForAnActiveRegistration() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let at = ProgramFixture.local("2026-10-14T08:45")
        let checkIn: (InMemoryStreams) throws -> [PendingEvent] = { try Attendee.decide(Attendee.CheckIn(attendee: ana, at: at), $0) }
        assertEvents(
            try fixture.when(checkIn),
            [PendingEvent(.attendee(ana), AttendeeCheckedIn(attendee: ana, conference: ProgramFixture.edition, at: at))])
        assertIdempotent(fixture, checkIn)
        assertRejects("already-checked-in") { try fixture.when(checkIn) }
        assertRejects("unknown-attendee") { try Attendee.decide(Attendee.CheckIn(attendee: .make(suffix: "x"), at: at), fixture.streams) }
        let bo = try fixture.register("Bo")
        try fixture.run(cancel(bo))
        assertRejects("attendee-cancelled") { try Attendee.decide(Attendee.CheckIn(attendee: bo, at: at), fixture.streams) }
    }

    func testReissuingTheLinkRecordsTheNewHash() throws {
        let fixture = try ProgramFixture()
        let ana = try fixture.register("Ana")
        let hash = ProgramFixture.tokenHash(42)
        let reissue: (InMemoryStreams) throws -> [PendingEvent] = {
            try Attendee.decide(Attendee.ReissueLink(attendee: ana, tokenHash: hash), $0)
        }
        assertEvents(try fixture.when(reissue), [PendingEvent(.attendee(ana), AgendaLinkReissued(attendee: ana, tokenHash: hash))])
        assertIdempotent(fixture, reissue)
        XCTAssertEqual(try fixture.attendee(ana).tokenHash, hash)
        assertRejects("invalid-token-hash") {
            try Attendee.decide(Attendee.ReissueLink(attendee: ana, tokenHash: "secret"), fixture.streams)
        }
        try fixture.run(cancel(ana))
        assertRejects("attendee-cancelled") { try fixture.when(reissue) }
    }
}
