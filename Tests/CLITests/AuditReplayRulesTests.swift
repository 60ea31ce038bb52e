import Application
import Events
import Foundation
import XCTest

/// The rules and authority replays without a database: given these events, when this one is
/// appended, then it is a finding (naming what broke) or not.
final class AuditReplayRulesTests: XCTestCase {
    let conference = ConferenceID("citylab-2026")!
    let (walk, talk, later) = (SessionID(unchecked: "ses_walk"), SessionID(unchecked: "ses_talk"), SessionID(unchecked: "ses_later"))
    let (ana, bo, cy) = (AttendeeID(unchecked: "att_ana"), AttendeeID(unchecked: "att_bo"), AttendeeID(unchecked: "att_cy"))
    let nine = Date(timeIntervalSince1970: 1_792_000_800)

    // MARK: seats and waitlists

    func testASeatBeyondCapacityIsAFindingButLoweringCapacityIsNot() {
        let given = scheduled(walk, capacity: 1) + registered(ana, bo) + seat(ana, walk)
        XCTAssertEqual(
            findings(given, then: [(stream(walk), SeatTaken(session: walk, attendee: bo))]),
            ["session ses_walk was full (1 of 1 seats taken): over capacity"])
        let lowered: [(StreamName, any DomainEvent)] = [
            (stream(walk), SessionCapacityChanged(session: walk, capacity: 0, previousCapacity: 1))
        ]
        XCTAssertEqual(findings(given, then: lowered), [], "lowering capacity never evicts")
    }

    func testPromotionsFollowTheWaitlistSkippingOnlyTheFlagged() {
        let full = scheduled(walk, capacity: 1) + scheduled(talk, capacity: 5) + registered(ana, bo, cy) + seat(ana, walk)
        let waiting = full + waitlist(bo, walk, 1) + waitlist(cy, walk, 2)
        let freed: [(StreamName, any DomainEvent)] = [(stream(walk), SeatReleased(session: walk, attendee: ana, reason: .dropped))]
        XCTAssertEqual(
            findings(waiting + freed, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: bo, position: 1))]), [])
        XCTAssertEqual(
            findings(waiting + freed, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: cy, position: 2))]),
            ["the seat in ses_walk belonged to att_bo, waiting at place 1 and free to take it (first come, first served)"])
        // bo holds an overlapping seat: passed over only once flagged.
        let clashing = waiting + seat(bo, talk) + freed
        XCTAssertEqual(
            findings(clashing, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: cy, position: 2))]),
            ["att_bo, ahead on the waitlist of ses_walk, was passed over without being flagged (WaitlistSkipped)"])
        let flagged = clashing + [(stream(walk), WaitlistSkipped(session: walk, attendee: bo, position: 1, clashesWith: talk))]
        XCTAssertEqual(findings(flagged, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: cy, position: 2))]), [])
        // A cancelled registration is passed over as the deciders do.
        let cancelled = waiting + [(StreamName.attendee(bo), AttendeeCancelled(attendee: bo, conference: conference, reason: nil))] + freed
        XCTAssertEqual(findings(cancelled, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: cy, position: 2))]), [])
        XCTAssertEqual(
            findings(full, then: [(stream(walk), PromotedFromWaitlist(session: walk, attendee: cy, position: 1))]),
            ["att_cy was promoted in ses_walk without a place on its waitlist"])
    }

    func testTakingAnOverlappingSeatIsAFindingButARescheduleIntoOneIsNot() {
        let given =
            scheduled(walk, capacity: 5) + scheduled(talk, capacity: 5) + scheduled(later, capacity: 5, hours: 3) + registered(ana)
            + seat(ana, walk)
        XCTAssertEqual(
            findings(given, then: seat(ana, talk)), ["att_ana took a seat in ses_talk while holding one in ses_walk, which overlaps it"])
        let moved: [(StreamName, any DomainEvent)] = [
            (.attendee(ana), SeatTimesChanged(attendee: ana, session: later, starts: nine, ends: nine.addingTimeInterval(3600))),
            (.attendee(ana), AgendaOverlapFlagged(attendee: ana, session: later, clashesWith: walk)),
        ]
        XCTAssertEqual(findings(given + seat(ana, later), then: moved), [], "a reschedule that makes an overlap is allowed and flagged")
    }

    // MARK: placements

    func testAConfirmationNeedsAnApprovalTrainingAndAFreeSeat() {
        let (p1, p2) = (PlacementID(unchecked: "plc_1"), PlacementID(unchecked: "plc_2"))
        let (s1, s2) = (ScholarID(unchecked: "sch_1"), ScholarID(unchecked: "sch_2"))
        let opening = OpeningID(unchecked: "opn_bogota")
        func confirm(_ p: PlacementID, _ s: ScholarID) -> [(StreamName, any DomainEvent)] {
            [
                (
                    .placement(p),
                    PlacementConfirmed(placement: p, scholar: s, opening: opening, trainingCompletedAt: "x", seatsTakenBefore: 0, seats: 1)
                ),
                (.opening(opening), OpeningSeatTaken(opening: opening, placement: p, scholar: s)),
            ]
        }
        let proposed: [(StreamName, any DomainEvent)] = [
            (
                .opening(opening),
                OpeningCreated(
                    opening: opening, city: "Bogotá", country: "CO", host: "iBO", project: "Care", starts: "2027-06-15", ends: "2027-08-14",
                    seats: 1, cohort: 2027)
            ),
            (.scholar(s1), ScholarAdmitted(scholar: s1, name: "A", email: "a@x.org", university: "U", cohort: 2027)),
            (.scholar(s2), ScholarAdmitted(scholar: s2, name: "B", email: "b@x.org", university: "U", cohort: 2027)),
            (.placement(p1), PlacementProposed(placement: p1, scholar: s1, opening: opening, cohort: 2027, note: nil)),
            (.placement(p2), PlacementProposed(placement: p2, scholar: s2, opening: opening, cohort: 2027, note: nil)),
        ]
        XCTAssertEqual(findings(proposed, then: confirm(p1, s1)), ["placement plc_1 was proposed, not approved"])
        let approved =
            proposed + [
                (.placement(p1), PlacementApproved(placement: p1, scholar: s1, opening: opening)),
                (.placement(p2), PlacementApproved(placement: p2, scholar: s2, opening: opening)),
            ]
        XCTAssertEqual(findings(approved, then: confirm(p1, s1)), ["scholar sch_1 had not completed training"])
        let trained =
            approved + [
                (.scholar(s1), ScholarTrainingCompleted(scholar: s1, completedAt: "2027-05-01T00:00:00Z")),
                (.scholar(s2), ScholarTrainingCompleted(scholar: s2, completedAt: "2027-05-01T00:00:00Z")),
            ]
        XCTAssertEqual(findings(trained, then: confirm(p1, s1)), [])
        XCTAssertEqual(
            findings(trained + confirm(p1, s1), then: confirm(p2, s2)),
            Array(repeating: "opening opn_bogota was full (1 of 1 seats taken by other placements): over its seats", count: 2))
    }

    // MARK: authority

    func testTheBootstrapThenRolesAsTheStaffEventsGaveThem() {
        var replay = AuthorityReplay()
        let (root, desk) = (StaffLogin(unchecked: "root"), StaffLogin(unchecked: "dina"))
        replay.apply(position: 1, type: "OpeningCreated", login: nil, event: nil)
        replay.apply(position: 2, type: "StaffAdded", login: nil, event: StaffAdded(login: root, roles: StaffRole.allCases))
        replay.apply(position: 3, type: "StaffAdded", login: root, event: StaffAdded(login: desk, roles: [.desk]))
        replay.apply(position: 4, type: "AttendeeCheckedIn", login: desk, event: nil)
        XCTAssertEqual(replay.findings, [])
        XCTAssertEqual(replay.unauthenticated, 2, "before any login, the bootstrap included")
        replay.apply(position: 5, type: "SeatTaken", login: desk, event: nil)
        replay.apply(position: 6, type: "StaffRoleRevoked", login: root, event: StaffRoleRevoked(login: desk, role: .desk))
        replay.apply(position: 7, type: "AttendeeCheckedIn", login: desk, event: nil)
        replay.apply(position: 8, type: "StaffRoleGranted", login: root, event: StaffRoleGranted(login: desk, role: .organizer))
        replay.apply(position: 9, type: "SeatTaken", login: desk, event: nil)
        replay.apply(position: 10, type: "StaffDisabled", login: root, event: StaffDisabled(login: desk))
        replay.apply(position: 11, type: "SeatTaken", login: desk, event: nil)
        replay.apply(position: 12, type: "SeatTaken", login: nil, event: nil)
        XCTAssertEqual(replay.findings.map(\.position), [5, 7, 11, 12])
        XCTAssertEqual(replay.findings.first?.reason, "dina held only desk (needs organizer)")
    }

    func testASuperuserNoStaffEventNamesIsShownNotAFinding() {
        let (owner, root) = (StaffLogin(unchecked: "citylab_superuser"), StaffLogin(unchecked: "root"))
        var replay = AuthorityReplay(superusers: [owner, root])
        replay.apply(position: 1, type: "StaffAdded", login: owner, event: StaffAdded(login: root, roles: StaffRole.allCases))
        replay.apply(position: 2, type: "SeatTaken", login: owner, event: nil)
        replay.apply(position: 3, type: "StaffRoleRevoked", login: root, event: StaffRoleRevoked(login: root, role: .organizer))
        replay.apply(position: 4, type: "SeatTaken", login: root, event: nil)
        XCTAssertEqual(replay.bySuperusers, [owner: 1], "the bootstrap is accepted whoever appended it")
        XCTAssertEqual(replay.findings.map(\.position), [4], "a superuser the log made staff is held to its roles")
    }

    func testAFirstStaffAddedWithoutEveryRoleIsNoBootstrap() {
        var replay = AuthorityReplay()
        let eve = StaffLogin(unchecked: "eve")
        replay.apply(position: 1, type: "StaffAdded", login: eve, event: StaffAdded(login: eve, roles: [.placements]))
        replay.apply(position: 2, type: "StaffAdded", login: eve, event: StaffAdded(login: eve, roles: StaffRole.allCases))
        XCTAssertEqual(replay.findings.map(\.position), [1, 2])
    }

    // MARK: helpers

    private func findings(_ given: [(StreamName, any DomainEvent)], then events: [(StreamName, any DomainEvent)]) -> [String] {
        var replay = RulesReplay()
        for (index, (stream, event)) in given.enumerated() { replay.apply(position: Int64(index + 1), stream: stream, login: nil, event) }
        XCTAssertEqual(replay.findings.map(\.reason), [], "the given events are honest")
        let before = replay.findings.count
        for (index, (stream, event)) in events.enumerated() {
            replay.apply(position: Int64(given.count + index + 1), stream: stream, login: nil, event)
        }
        return replay.findings.dropFirst(before).map(\.reason)
    }

    private func stream(_ session: SessionID) -> StreamName { .session(session) }

    private func scheduled(_ session: SessionID, capacity: Int, hours: Double = 0) -> [(StreamName, any DomainEvent)] {
        let starts = nine.addingTimeInterval(hours * 3600)
        return [
            (
                stream(session),
                SessionScheduled(
                    session: session, conference: conference, title: session.rawValue, room: session.rawValue, starts: starts,
                    ends: starts.addingTimeInterval(3600), capacity: capacity, track: nil, speakers: [])
            )
        ]
    }

    private func registered(_ attendees: AttendeeID...) -> [(StreamName, any DomainEvent)] {
        attendees.map {
            (
                .attendee($0),
                AttendeeRegistered(
                    attendee: $0, conference: conference, name: $0.rawValue, email: "\($0.rawValue)@x.org", role: "mayor",
                    organization: nil,
                    city: nil, tokenHash: "00")
            )
        }
    }

    private func seat(_ attendee: AttendeeID, _ session: SessionID) -> [(StreamName, any DomainEvent)] {
        let starts = session == later ? nine.addingTimeInterval(3 * 3600) : nine
        return [
            (stream(session), SeatTaken(session: session, attendee: attendee)),
            (.attendee(attendee), SeatHeld(attendee: attendee, session: session, starts: starts, ends: starts.addingTimeInterval(3600))),
        ]
    }

    private func waitlist(_ attendee: AttendeeID, _ session: SessionID, _ position: Int) -> [(StreamName, any DomainEvent)] {
        [
            (stream(session), Waitlisted(session: session, attendee: attendee, position: position)),
            (.attendee(attendee), WaitlistJoined(attendee: attendee, session: session)),
        ]
    }
}
