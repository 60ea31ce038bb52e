/// The scholar accepted an approved placement. Records both checks made: when the scholar
/// completed training, and the opening's seats taken just before this confirmation out of
/// its `seats` (so `seatsTakenBefore < seats` always holds).
public struct PlacementConfirmed: DomainEvent, Equatable {
    public static let eventType = "PlacementConfirmed"
    public let placement: PlacementID
    public let scholar: ScholarID
    public let opening: OpeningID
    public let trainingCompletedAt: String
    public let seatsTakenBefore: Int
    public let seats: Int

    public init(
        placement: PlacementID, scholar: ScholarID, opening: OpeningID, trainingCompletedAt: String,
        seatsTakenBefore: Int, seats: Int
    ) {
        self.placement = placement
        self.scholar = scholar
        self.opening = opening
        self.trainingCompletedAt = trainingCompletedAt
        self.seatsTakenBefore = seatsTakenBefore
        self.seats = seats
    }

    enum CodingKeys: String, CodingKey {
        case placement, scholar, opening, seats
        case trainingCompletedAt = "training_completed_at"
        case seatsTakenBefore = "seats_taken_before"
    }
}
