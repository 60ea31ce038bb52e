import Domain
import Events
import XCTest

// Seats: only confirmed placements hold one; an opening never holds more than its seats,
// even when confirms race (the boundary is the opening's stream).
let twoApproved: [Step] = [
    .open(bogota), .admit(emma, email: "emma@jhu.edu"), .train(emma), .admit(ana, email: "ana@jhu.edu"), .train(ana),
    .propose(p1, emma, bogota), .approve(p1), .propose(p2, ana, bogota), .approve(p2),
]
let confirming2 = ["placement-plc_p2 PlacementConfirmed", "opening-opn_bogota OpeningSeatTaken"]

final class PlacementSeatsTests: XCTestCase {
    func testSeatRules() {
        check([
            PlacementCase(
                "two scholars into a one-seat opening: the second is refused", given: twoApproved + [.confirm(p1)],
                when: .confirm(p2), then: .rejected("opening-full")),
            PlacementCase(
                "approved and proposed placements hold no seat", given: twoApproved, when: .confirm(p2), then: .events(confirming2)),
            PlacementCase(
                "withdrawing a confirmed placement frees its seat", given: twoApproved + [.confirm(p1), .withdraw(p1)],
                when: .confirm(p2), then: .events(confirming2)),
            PlacementCase(
                "a completed placement keeps its seat: it was used", given: twoApproved + [.confirm(p1), .complete(p1)],
                when: .confirm(p2), then: .rejected("opening-full")),
        ])
        let twoSeats = twoApproved.map { step -> Step in if case .open = step { return .open(bogota, seats: 2) } else { return step } }
        let third: [Step] = [
            .admit(ScholarID.make(suffix: "lee"), email: "lee@jhu.edu"), .train(ScholarID.make(suffix: "lee")),
            .propose(p3, ScholarID.make(suffix: "lee"), bogota), .approve(p3),
        ]
        check([
            PlacementCase("two seats hold two", given: twoSeats + [.confirm(p1)], when: .confirm(p2), then: .events(confirming2)),
            PlacementCase(
                "but not three", given: twoSeats + third + [.confirm(p1), .confirm(p2)], when: .confirm(p3), then: .rejected("opening-full")
            ),
        ])
    }

    func testTheFullOpeningRefusalNamesTheFacts() throws {
        var world = World()
        try world.run(twoApproved + [.confirm(p1)])
        guard case .failure(let refusal) = world.attempt(.confirm(p2)) else { return XCTFail("a full opening took a confirm") }
        XCTAssertEqual(refusal.message, "opening opn_bogota (Bogotá, Care Blocks) is full: 1 of 1 seats taken by plc_p1")
        XCTAssertNotNil(refusal.hint)
    }

    func testConfirmationRecordsBothChecks() throws {
        var world = World()
        try world.run([
            .open(bogota, seats: 3), .admit(emma, email: "emma@jhu.edu"), .train(emma), .admit(ana, email: "ana@jhu.edu"), .train(ana),
            .propose(p1, emma, bogota), .approve(p1), .propose(p2, ana, bogota), .approve(p2), .confirm(p1),
        ])
        let events = try world.attempt(.confirm(p2)).get()
        XCTAssertEqual(
            events.first?.event as? PlacementConfirmed,
            PlacementConfirmed(
                placement: p2, scholar: ana, opening: bogota, trainingCompletedAt: "2026-05-28T20:26:40Z", seatsTakenBefore: 1, seats: 3))
        XCTAssertEqual(events.last?.event as? OpeningSeatTaken, OpeningSeatTaken(opening: bogota, placement: p2, scholar: ana))
    }

    /// Two confirms decided from the same read both append to the opening's stream, so the
    /// store's version check lets only one commit; the loser re-reads and is refused.
    func testRacingConfirmsConflictOnTheOpeningStream() throws {
        var world = World()
        try world.run(twoApproved)
        let first = RecordingReader(world.streams)
        let second = RecordingReader(world.streams)
        let a = try Step.confirm(p1).decide(first)
        let b = try Step.confirm(p2).decide(second)
        for (reader, events) in [(first, a), (second, b)] {
            XCTAssertTrue(reader.read.contains(.opening(bogota)), "a confirm reads the opening (its boundary)")
            XCTAssertTrue(events.contains { $0.stream == .opening(bogota) }, "a confirm writes the opening, so racers conflict")
        }
        world.streams.append(a)
        guard case .failure(let refusal) = world.attempt(.confirm(p2)) else { return XCTFail("the loser of the race took a seat") }
        XCTAssertEqual(refusal.rule, "opening-full")
    }

    /// Two proposals of one scholar decided from the same read both append to the scholar's
    /// stream: the boundary of one active placement per cohort.
    func testRacingProposalsConflictOnTheScholarStream() throws {
        var world = World()
        try world.run(ready + [.open(cdmx)])
        let a = try world.attempt(.propose(p1, emma, bogota)).get()
        let b = try world.attempt(.propose(p2, emma, cdmx)).get()
        XCTAssertTrue(a.contains { $0.stream == .scholar(emma) } && b.contains { $0.stream == .scholar(emma) })
        world.streams.append(a)
        guard case .failure(let refusal) = world.attempt(.propose(p2, emma, cdmx)) else { return XCTFail("two active placements") }
        XCTAssertEqual(refusal.rule, "scholar-has-active-placement")
    }

    func testWithdrawalRecordsWhoWhyAndFrom() throws {
        var world = World()
        try world.run(confirmed)
        let events = try world.attempt(.withdraw(p1, reason: "host restructured", by: nil)).get()
        XCTAssertEqual(
            events.map { $0.event as? PlacementWithdrawn }.first,
            PlacementWithdrawn(placement: p1, scholar: emma, opening: bogota, reason: "host restructured", by: "staff", from: "confirmed"),
            "--by defaults to staff")
        XCTAssertEqual(events.last?.event as? OpeningSeatReleased, OpeningSeatReleased(opening: bogota, placement: p1, scholar: emma))
        world.streams.append(events)
        XCTAssertEqual(world.state(Opening.self, .opening(bogota)).seatsLeft, 1)
        XCTAssertTrue(world.state(Scholar.self, .scholar(emma)).active.isEmpty)
    }
}
