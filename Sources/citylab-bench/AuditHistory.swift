import Domain
import EventStore
import Events
import Foundation

/// Generates a Summer Scholars history through the real deciders (over an in-memory view of
/// the streams) and appends it with `EventStore.append`, 40 commands per batch, each batch
/// expecting the versions of every stream it writes. Refusals (a full opening) write nothing.
final class AuditHistory {
    let store: EventStore
    private var world = InMemoryStreams()
    private var versions: [StreamName: Int] = [:]
    private var pending: [PendingEvent] = []
    private var commands = 0
    private var batches = 0
    private let now = Date(timeIntervalSince1970: 1_780_000_000)

    init(store: EventStore) { self.store = store }

    func generate(scholars: Int) throws {
        let openings = max(1, scholars / 10)
        let scholar = { (i: Int) in ScholarID.make(suffix: "s\(i)") }
        let opening = { (i: Int) in OpeningID.make(suffix: "o\(i % openings)") }
        let placement = { (i: Int, round: Int) in PlacementID.make(suffix: "p\(i)-\(round)") }
        let cities = ["Bogotá", "Reykjavík", "Medellín", "Athens", "Rotterdam", "Seoul", "Nairobi", "Montréal"]
        for i in 0..<openings {
            try command(
                Opening.decide(
                    Opening.Create(
                        id: opening(i), city: cities[i % cities.count], country: "Country \(i % cities.count)", host: "City Hall Lab \(i)",
                        project: "Project \(i), phase \(i % 3)", starts: "2026-06-15", ends: "2026-08-14", seats: 8), world))
        }
        for i in 0..<scholars {
            try command(
                Scholar.decide(
                    Scholar.Admit(
                        id: scholar(i), name: "Scholar \(i)", email: "scholar\(i)@example.edu", university: "University \(i % 50)",
                        cohort: 2026, defaultCohort: 2026), world))
            if i % 10 != 9 { try command(Scholar.decide(Scholar.CompleteTraining(scholar: scholar(i), now: now), world)) }
        }
        for i in 0..<scholars {
            try command(
                Placement.decide(
                    Placement.Propose(id: placement(i, 0), scholar: scholar(i), opening: opening(i), note: "match \(i)"), world))
        }
        for i in 0..<scholars where i % 7 != 6 { try command(Placement.decide(Placement.Approve(placement: placement(i, 0)), world)) }
        for i in 0..<scholars where i % 7 != 6 {
            try attempt { try Placement.decide(Placement.Confirm(placement: placement(i, 0)), world) }
        }
        for i in stride(from: 0, to: scholars, by: 6) {
            try attempt {
                try Placement.decide(
                    Placement.Withdraw(placement: placement(i, 0), reason: "schedule, \"visa\" delay", by: "scholar"), world)
            }
            try attempt {
                try Placement.decide(Placement.Propose(id: placement(i, 1), scholar: scholar(i), opening: opening(i + 1), note: nil), world)
            }
            try attempt { try Placement.decide(Placement.Approve(placement: placement(i, 1)), world) }
            try attempt { try Placement.decide(Placement.Confirm(placement: placement(i, 1)), world) }
        }
        for i in 0..<scholars where i % 3 != 2 {
            for round in 0...1 {
                try attempt { try Placement.decide(Placement.Complete(placement: placement(i, round), outcome: "delivered \(i)"), world) }
            }
        }
        try flush()
    }

    /// A command the rules may refuse (full opening, training missing, already ended).
    private func attempt(_ decide: () throws -> [PendingEvent]) throws {
        do {
            try command(try decide())
        } catch is Rejection {
            return
        }
    }

    private func command(_ events: [PendingEvent]) throws {
        world.append(events)
        pending += events
        commands += 1
        if commands % 40 == 0 { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        var expectations: [StreamName: Int] = [:]
        for event in pending where expectations[event.stream] == nil { expectations[event.stream] = versions[event.stream] ?? 0 }
        batches += 1
        let metadata = EventMetadata(
            actor: ["staff-maria", "staff-jon", "scholar"][batches % 3], commandID: "cmd_bench\(batches)", command: "bench")
        _ = try store.append(AppendBatch(commandID: nil, expectations: expectations, events: pending, metadata: metadata))
        for event in pending { versions[event.stream, default: 0] += 1 }
        pending = []
    }
}
