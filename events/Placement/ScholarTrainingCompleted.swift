/// The scholar finished the innovation-methods training, at `completedAt` (ISO 8601 UTC,
/// the command's "now"). Confirming a placement requires it.
public struct ScholarTrainingCompleted: DomainEvent, Equatable {
    public static let eventType = "ScholarTrainingCompleted"
    public let scholar: ScholarID
    public let completedAt: String

    public init(scholar: ScholarID, completedAt: String) {
        self.scholar = scholar
        self.completedAt = completedAt
    }

    enum CodingKeys: String, CodingKey {
        case scholar
        case completedAt = "completed_at"
    }
}
