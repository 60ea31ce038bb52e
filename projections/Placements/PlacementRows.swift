import Domain

/// A row of `placements`: a scholar in an opening, with where, who, and the lifecycle dates.
public struct PlacementRow: Codable, Sendable, Equatable {
    public var placement: String
    public var scholar: String
    public var scholarName: String
    public var scholarEmail: String
    public var university: String
    public var opening: String
    public var city: String
    public var country: String
    public var host: String
    public var project: String
    public var cohort: Int
    /// The opening's period: first and last day (`YYYY-MM-DD`, inclusive); nil when the opening is unknown.
    public var starts: String?
    public var ends: String?
    public var status: PlacementStatus
    public var proposedAt: String
    public var approvedAt: String?
    public var confirmedAt: String?
    /// When it was withdrawn or completed.
    public var endedAt: String?
    public var note: String?
    /// Why it was withdrawn.
    public var reason: String?
    public var outcome: String?
    /// `scholar`, `host` or `staff`.
    public var withdrawnBy: String?
    public var updatedPosition: Int64
}

/// A row of `placement_scholars`.
struct PlacementScholar: Codable, Sendable {
    var scholar: String
    var name: String
    var email: String
    var university: String
}

/// A row of `placement_openings`.
struct PlacementOpening: Codable, Sendable {
    var opening: String
    var city: String
    var country: String
    var host: String
    var project: String
    var cohort: Int
    var starts: String
    var ends: String
}
