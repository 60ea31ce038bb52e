/// On the scholar's stream: the active placement ended (`status` is "withdrawn" or
/// "completed"), so the scholar may be proposed again in that cohort.
public struct ScholarPlacementEnded: DomainEvent, Equatable {
    public static let eventType = "ScholarPlacementEnded"
    public let scholar: ScholarID
    public let placement: PlacementID
    public let cohort: Int
    public let status: String

    public init(scholar: ScholarID, placement: PlacementID, cohort: Int, status: String) {
        self.scholar = scholar
        self.placement = placement
        self.cohort = cohort
        self.status = status
    }
}
