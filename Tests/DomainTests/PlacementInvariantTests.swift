import Domain
import Events
import XCTest

/// Thousands of commands, chosen by a seeded generator (the same run every time), over three
/// scholars and two small openings. After each accepted command every invariant must hold.
final class PlacementInvariantTests: XCTestCase {
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func testInvariantsHoldUnderAnyOrderOfCommands() throws {
        let scholars = ["a", "b", "c"].map { ScholarID.make(suffix: $0) }
        let openings = [OpeningID.make(suffix: "one"), OpeningID.make(suffix: "two")]
        var written: Set<String> = []
        var refusals: Set<String> = []
        for seed in UInt64(1)...10 {
            var world = World()
            var random = Generator(state: seed)
            try world.run([.open(openings[0], seats: 1), .open(openings[1], seats: 2)])
            try world.run(scholars.map { .admit($0, email: "\($0.rawValue)@jhu.edu") })
            var placements: [PlacementID] = []
            for n in 0..<300 {
                let step: Step
                let recent = placements.suffix(4)
                let some = recent.isEmpty ? nil : recent[recent.startIndex + random.next(recent.count)]
                switch (random.next(7), some) {
                case (0, _), (_, nil):
                    let id = PlacementID.make(suffix: "s\(seed)n\(n)")
                    placements.append(id)
                    step = .propose(id, scholars[random.next(3)], openings[random.next(2)])
                case (1, _): step = .train(scholars[random.next(3)])
                case (2, let id?): step = .approve(id)
                case (3, let id?), (4, let id?): step = .confirm(id)
                case (5, let id?): step = .withdraw(id, by: ["scholar", "host", "staff"][random.next(3)])
                case (_, let id?): step = .complete(id)
                }
                let before = placements.map { world.state(Placement.self, .placement($0)) }
                switch world.attempt(step) {
                case .success(let events):
                    written.formUnion(events.map(\.event.eventType))
                    world.streams.append(events)
                case .failure(let refusal): refusals.insert(refusal.rule)
                }
                try verify(world, scholars, openings, placements, before, "seed \(seed) step \(n): \(step)")
            }
        }
        // The run must have walked every path, or it proves little.
        XCTAssertTrue(
            written.isSuperset(of: ["PlacementConfirmed", "OpeningSeatReleased", "PlacementCompleted", "ScholarPlacementEnded"]),
            "\(written)")
        XCTAssertTrue(
            refusals.isSuperset(of: [
                "opening-full", "training-incomplete", "scholar-has-active-placement", "duplicate-proposal", "placement-ended",
                "not-approved", "not-confirmed",
            ]), "\(refusals)")
    }

    private func verify(
        _ world: World, _ scholars: [ScholarID], _ openings: [OpeningID], _ placements: [PlacementID],
        _ before: [Placement.State], _ context: String
    ) throws {
        let states = placements.map { world.state(Placement.self, .placement($0)) }
        for opening in openings {
            let seats = world.state(Opening.self, .opening(opening))
            let holding = states.filter { $0.opening == opening && ($0.status == .confirmed || $0.status == .completed) }
            XCTAssertLessThanOrEqual(seats.seatsTaken, seats.seats, "more confirmed than seats: \(context)")
            XCTAssertEqual(Set(seats.seatHolders), Set(holding.compactMap(\.placement)), "seat holders: \(context)")
        }
        for scholar in scholars {
            let active = states.filter { $0.scholar == scholar && $0.status?.isActive == true }
            XCTAssertLessThanOrEqual(active.count, 1, "two active placements in a cohort: \(context)")
            XCTAssertEqual(world.state(Scholar.self, .scholar(scholar)).active[2026]?.placement, active.first?.placement, context)
            for state in active where state.status == .confirmed {
                XCTAssertTrue(world.state(Scholar.self, .scholar(scholar)).hasCompletedTraining, "confirmed untrained: \(context)")
            }
        }
        for (old, new) in zip(before, states) where old.isTerminal {
            XCTAssertEqual(old, new, "an ended placement changed: \(context)")
        }
    }
}
