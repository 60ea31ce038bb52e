/// A confirmed placement was carried out, with its outcome. Terminal; the seat stays used.
public struct PlacementCompleted: DomainEvent, Equatable {
    public static let eventType = "PlacementCompleted"
    public let placement: PlacementID
    public let scholar: ScholarID
    public let opening: OpeningID
    public let outcome: String

    public init(placement: PlacementID, scholar: ScholarID, opening: OpeningID, outcome: String) {
        self.placement = placement
        self.scholar = scholar
        self.opening = opening
        self.outcome = outcome
    }
}
