/// On the opening's stream: a confirmed placement holds one of its seats. Written with
/// `PlacementConfirmed`, so two racing confirms conflict here and the loser decides again.
public struct OpeningSeatTaken: DomainEvent, Equatable {
    public static let eventType = "OpeningSeatTaken"
    public let opening: OpeningID
    public let placement: PlacementID
    public let scholar: ScholarID

    public init(opening: OpeningID, placement: PlacementID, scholar: ScholarID) {
        self.opening = opening
        self.placement = placement
        self.scholar = scholar
    }
}
