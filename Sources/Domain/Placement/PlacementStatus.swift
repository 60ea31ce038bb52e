/// Where a placement is in its lifecycle: proposed → approved → confirmed → completed, or
/// withdrawn from any of the first three. Terminal states never reopen.
public enum PlacementStatus: String, Codable, CaseIterable, Sendable {
    case proposed, approved, confirmed, withdrawn, completed

    /// Proposed, approved or confirmed: the scholar's one placement in the cohort.
    public var isActive: Bool { !isTerminal }
    public var isTerminal: Bool { self == .withdrawn || self == .completed }
    /// Only confirmed placements hold a seat in the opening.
    public var holdsSeat: Bool { self == .confirmed }
}
