/// The placement ended before completion: why, who withdrew it ("scholar", "host" or
/// "staff") and the status it was withdrawn from ("proposed", "approved" or "confirmed";
/// withdrawing a confirmed placement frees its seat).
public struct PlacementWithdrawn: DomainEvent, Equatable {
    public static let eventType = "PlacementWithdrawn"
    public let placement: PlacementID
    public let scholar: ScholarID
    public let opening: OpeningID
    public let reason: String
    public let by: String
    public let from: String

    public init(placement: PlacementID, scholar: ScholarID, opening: OpeningID, reason: String, by: String, from: String) {
        self.placement = placement
        self.scholar = scholar
        self.opening = opening
        self.reason = reason
        self.by = by
        self.from = from
    }
}
