/// Staff approved a proposed placement; the scholar may now confirm it.
public struct PlacementApproved: DomainEvent, Equatable {
    public static let eventType = "PlacementApproved"
    public let placement: PlacementID
    public let scholar: ScholarID
    public let opening: OpeningID

    public init(placement: PlacementID, scholar: ScholarID, opening: OpeningID) {
        self.placement = placement
        self.scholar = scholar
        self.opening = opening
    }
}
