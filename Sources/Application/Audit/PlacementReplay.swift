import Domain
import Events
import Foundation

/// Replays the placement, scholar and opening streams in log order through the deciders'
/// own `evolve` (never a read model), recording each placement's history as it goes. Feed it
/// every event of those categories up to the cutoff, in position order; events of other
/// streams are ignored.
public struct PlacementReplay {
    private var scholars: [StreamName: Scholar.State] = [:]
    private var openings: [StreamName: Opening.State] = [:]
    private var placements: [StreamName: Placement.State] = [:]
    private var histories: [StreamName: [PlacementHistoryEntry]] = [:]
    /// Placement streams in the order they began (their first event's position).
    private var order: [StreamName] = []
    public private(set) var eventsApplied = 0

    public init() {}

    /// The categories replayed, and the event types that live in them (for the read's filter).
    public static let categories: Set<String> = ["placement", "scholar", "opening"]
    public static let eventTypes: [String] = [
        ScholarAdmitted.self, ScholarTrainingCompleted.self, ScholarPlacementProposed.self, ScholarPlacementEnded.self,
        OpeningCreated.self, OpeningSeatTaken.self, OpeningSeatReleased.self,
        PlacementProposed.self, PlacementApproved.self, PlacementConfirmed.self, PlacementWithdrawn.self, PlacementCompleted.self,
    ].map { ($0 as any DomainEvent.Type).eventType }

    /// Applies one recorded event. Throws when its payload does not decode (an unknown type or
    /// schema: this build is older than the log) or a placement event's metadata is not JSON.
    public mutating func apply(_ recorded: RecordedEvent) throws {
        let stream = recorded.stream
        switch stream.category {
        case "scholar": scholars[stream] = Scholar.evolve(scholars[stream] ?? Scholar.initialState, try recorded.decoded())
        case "opening": openings[stream] = Opening.evolve(openings[stream] ?? Opening.initialState, try recorded.decoded())
        case "placement":
            let event = try recorded.decoded()
            let state = Placement.evolve(placements[stream] ?? Placement.initialState, event)
            if placements[stream] == nil { order.append(stream) }
            placements[stream] = state
            let entry = PlacementHistoryEntry(recorded, event, meta: try JSONParser.parse(recorded.meta), status: state.status)
            histories[stream, default: []].append(entry)
        default: return
        }
        eventsApplied += 1
    }

    /// The placements that pass the filter, in the order they were proposed.
    public func records(scholar: ScholarID? = nil, city: String? = nil) -> [PlacementAuditRecord] {
        let city = city?.trimmingCharacters(in: .whitespaces).lowercased()
        return order.compactMap { stream -> PlacementAuditRecord? in
            guard let state = placements[stream], let placement = state.placement, let scholarID = state.scholar,
                let openingID = state.opening
            else { return nil }
            if let scholar, scholar != scholarID { return nil }
            let opening = openings[.opening(openingID)] ?? Opening.initialState
            // Case-insensitive; accents count as given ("Bogota" is not "Bogotá").
            if let city, opening.created?.city.lowercased() != city { return nil }
            return PlacementAuditRecord(
                placement: placement, state: state, scholar: scholars[.scholar(scholarID)] ?? Scholar.initialState, opening: opening,
                history: histories[stream] ?? [])
        }
    }
}
