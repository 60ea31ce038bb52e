import Domain
import Events

/// One placement as the audit shows it: its state, its scholar's and its opening's states as of
/// the cutoff (each folded by the deciders' own `evolve`), and its history up to then.
public struct PlacementAuditRecord: Sendable {
    public let placement: PlacementID
    public let state: Placement.State
    public let scholar: Scholar.State
    public let opening: Opening.State
    public let history: [PlacementHistoryEntry]

    public var status: PlacementStatus? { state.status }
    public var scholarName: String { scholar.admitted?.name ?? (state.scholar?.rawValue ?? "?") }
    public var city: String { opening.created?.city ?? "?" }
}
