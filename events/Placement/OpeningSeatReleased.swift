/// On the opening's stream: a confirmed placement was withdrawn and its seat is free again.
/// (A completed placement keeps its seat: the seat was used.)
public struct OpeningSeatReleased: DomainEvent, Equatable {
    public static let eventType = "OpeningSeatReleased"
    public let opening: OpeningID
    public let placement: PlacementID
    public let scholar: ScholarID

    public init(opening: OpeningID, placement: PlacementID, scholar: ScholarID) {
        self.opening = opening
        self.placement = placement
        self.scholar = scholar
    }
}
