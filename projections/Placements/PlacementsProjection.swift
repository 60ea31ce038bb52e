import Domain
import Events
import Postgres

/// The `placements` read model: each placement with its scholar, the opening's city, country,
/// host, project, cohort and period, its status (from `Placement.evolve`) and dates.
public struct PlacementsProjection: Projection {
    public let name = "placements"
    /// 2: the opening's period (`starts`, `ends`, migration 105).
    public let version = 2
    public let tables = ["placements", "placement_scholars", "placement_openings"]
    public let eventTypes: Set<String> = [
        ScholarAdmitted.eventType, OpeningCreated.eventType, PlacementProposed.eventType, PlacementApproved.eventType,
        PlacementConfirmed.eventType, PlacementWithdrawn.eventType, PlacementCompleted.eventType,
    ]

    public init() {}

    public func makeFold(_ tables: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        PlacementsFold(
            placements: RowStore(table: tables("placements"), keys: ["placement"], startsEmpty: startsEmpty) { [$0.placement] },
            scholars: RowStore(table: tables("placement_scholars"), keys: ["scholar"], startsEmpty: startsEmpty) { [$0.scholar] },
            openings: RowStore(table: tables("placement_openings"), keys: ["opening"], startsEmpty: startsEmpty) { [$0.opening] })
    }
}

final class PlacementsFold: RowHoldingFold {
    private let placements: RowStore<PlacementRow>
    private let scholars: RowStore<PlacementScholar>
    private let openings: RowStore<PlacementOpening>

    init(placements: RowStore<PlacementRow>, scholars: RowStore<PlacementScholar>, openings: RowStore<PlacementOpening>) {
        (self.placements, self.scholars, self.openings) = (placements, scholars, openings)
    }

    var cachedRows: Int { placements.count + scholars.count + openings.count }

    func flush(_ connection: Connection, keepCache: Bool) throws {
        try placements.flush(connection, keepCache: keepCache)
        try scholars.flush(connection, keepCache: keepCache)
        try openings.flush(connection, keepCache: keepCache)
    }

    /// A rebuild's stores hold every row: nothing to look up.
    var holdsEveryRow: Bool { placements.isComplete && scholars.isComplete && openings.isComplete }

    /// Loads the placements, scholars and openings the page touches.
    func load(_ events: [ProjectedEvent], _ connection: Connection) throws {
        var placementKeys: [String] = []
        var scholarKeys: [String] = []
        var openingKeys: [String] = []
        for recorded in events {
            if let proposed = recorded.event as? PlacementProposed {
                scholarKeys.append(proposed.scholar.rawValue)
                openingKeys.append(proposed.opening.rawValue)
            } else if let id = Self.placement(of: recorded.event) {
                placementKeys.append(id)
            }
        }
        try placements.load(placementKeys, connection)
        try scholars.load(scholarKeys, connection)
        try openings.load(openingKeys, connection)
    }

    func apply(_ recorded: ProjectedEvent) {
        switch recorded.event {
        case let admitted as ScholarAdmitted:
            scholars.put(
                PlacementScholar(
                    scholar: admitted.scholar.rawValue, name: admitted.name, email: admitted.email, university: admitted.university))
        case let created as OpeningCreated:
            openings.put(
                PlacementOpening(
                    opening: created.opening.rawValue, city: created.city, country: created.country, host: created.host,
                    project: created.project, cohort: created.cohort, starts: created.starts, ends: created.ends))
        case let proposed as PlacementProposed:
            let scholar = scholars[proposed.scholar.rawValue]
            let opening = openings[proposed.opening.rawValue]
            placements.put(
                PlacementRow(
                    placement: proposed.placement.rawValue, scholar: proposed.scholar.rawValue, scholarName: scholar?.name ?? "",
                    scholarEmail: scholar?.email ?? "", university: scholar?.university ?? "", opening: proposed.opening.rawValue,
                    city: opening?.city ?? "", country: opening?.country ?? "", host: opening?.host ?? "", project: opening?.project ?? "",
                    cohort: proposed.cohort, starts: opening?.starts, ends: opening?.ends,
                    status: status(after: recorded.event, from: Placement.initialState),
                    proposedAt: recorded.instant,
                    approvedAt: nil, confirmedAt: nil, endedAt: nil, note: proposed.note, reason: nil, outcome: nil, withdrawnBy: nil,
                    updatedPosition: recorded.position))
        default:
            guard let id = Self.placement(of: recorded.event), var row = placements[id] else { return }
            var state = Placement.initialState
            state.status = row.status
            row.status = status(after: recorded.event, from: state)
            switch recorded.event {
            case is PlacementApproved: row.approvedAt = recorded.instant
            case is PlacementConfirmed: row.confirmedAt = recorded.instant
            case let withdrawn as PlacementWithdrawn:
                row.endedAt = recorded.instant
                row.reason = withdrawn.reason
                row.withdrawnBy = withdrawn.by
            case let completed as PlacementCompleted:
                row.endedAt = recorded.instant
                row.outcome = completed.outcome
            default: break
            }
            row.updatedPosition = recorded.position
            placements.put(row)
        }
    }

    /// The status `Placement.evolve` moves to (the same evolve commands and audits use).
    private func status(after event: any DomainEvent, from state: Placement.State) -> PlacementStatus {
        Placement.evolve(state, event).status ?? .proposed
    }

    private static func placement(of event: any DomainEvent) -> String? {
        switch event {
        case let e as PlacementApproved: return e.placement.rawValue
        case let e as PlacementConfirmed: return e.placement.rawValue
        case let e as PlacementWithdrawn: return e.placement.rawValue
        case let e as PlacementCompleted: return e.placement.rawValue
        default: return nil
        }
    }
}
