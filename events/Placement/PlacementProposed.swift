/// A scholar was proposed for an opening, in the cohort both belong to, with an optional note.
public struct PlacementProposed: DomainEvent, Equatable {
    public static let eventType = "PlacementProposed"
    public let placement: PlacementID
    public let scholar: ScholarID
    public let opening: OpeningID
    public let cohort: Int
    public let note: String?

    public init(placement: PlacementID, scholar: ScholarID, opening: OpeningID, cohort: Int, note: String?) {
        self.placement = placement
        self.scholar = scholar
        self.opening = opening
        self.cohort = cohort
        self.note = note
    }
}
