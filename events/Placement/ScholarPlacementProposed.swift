/// On the scholar's stream: a placement of this scholar became active in a cohort. Written
/// with `PlacementProposed`, so two racing proposals for one scholar conflict on this stream
/// (the boundary of "one active placement per scholar per cohort").
public struct ScholarPlacementProposed: DomainEvent, Equatable {
    public static let eventType = "ScholarPlacementProposed"
    public let scholar: ScholarID
    public let placement: PlacementID
    public let opening: OpeningID
    public let cohort: Int

    public init(scholar: ScholarID, placement: PlacementID, opening: OpeningID, cohort: Int) {
        self.scholar = scholar
        self.placement = placement
        self.opening = opening
        self.cohort = cohort
    }
}
