import Domain
import Events
import XCTest

/// `audit placements` replays a placement's events through `Placement.evolve` and shows the
/// state as of a position: every prefix of the history must read right.
final class PlacementAuditStateTests: XCTestCase {
    func testTheStateAsOfEachPosition() throws {
        var world = World()
        try world.run(
            ready + [
                .propose(p1, emma, bogota, note: "speaks Spanish"), .approve(p1), .confirm(p1),
                .withdraw(p1, reason: "illness", by: "scholar"),
            ])
        let history = world.streams.streams[.placement(p1)] ?? []
        let states = (0...history.count).map { Placement.fold(history.prefix($0)) }
        XCTAssertEqual(states.map(\.status), [nil, .proposed, .approved, .confirmed, .withdrawn])
        XCTAssertEqual(states.map(\.isTerminal), [false, false, false, false, true])
        XCTAssertEqual(states[2].note, "speaks Spanish")
        XCTAssertEqual(states[2].placement, p1)
        XCTAssertEqual(states[2].scholar, emma)
        XCTAssertEqual(states[2].opening, bogota)
        XCTAssertNil(states[2].trainingCompletedAt)
        XCTAssertEqual(states[3].trainingCompletedAt, "2026-05-28T20:26:40Z")
        XCTAssertEqual(states[3].confirmation?.seats, 1)
        XCTAssertNil(states[3].withdrawalReason)
        XCTAssertEqual(
            [states[4].withdrawalReason, states[4].withdrawnBy, states[4].withdrawal?.from], ["illness", "scholar", "confirmed"])
        XCTAssertEqual(states[4].statuses, [.proposed, .approved, .confirmed, .withdrawn])
        XCTAssertEqual(states[4].cohort, 2026)
    }

    func testEvolveIgnoresOtherStreamsEvents() {
        let foreign: [any DomainEvent] = [
            EmailClaimed(scope: "scholars", email: "e@jhu.edu", holder: "sch_emma"),
            OpeningSeatTaken(opening: bogota, placement: p1, scholar: emma),
        ]
        XCTAssertEqual(Placement.fold(foreign), Placement.initialState)
        XCTAssertEqual(Scholar.fold(foreign), Scholar.initialState)
    }

    func testOpeningSeatsAreIdempotentPerPlacement() {
        let created = OpeningCreated(
            opening: bogota, city: "Bogotá", country: "Colombia", host: "iBO", project: "Care Blocks",
            starts: "2026-06-15", ends: "2026-08-14", seats: 2, cohort: 2026)
        let taken = OpeningSeatTaken(opening: bogota, placement: p1, scholar: emma)
        let state = Opening.fold([created, taken, taken] as [any DomainEvent])
        XCTAssertEqual(state.seatsTaken, 1)
        XCTAssertEqual(
            Opening.fold([created, taken, OpeningSeatReleased(opening: bogota, placement: p1, scholar: emma)] as [any DomainEvent])
                .seatsLeft, 2)
    }
}
