/// A session's seat count changed. Lowering it never evicts: seats taken may exceed it until people leave.
public struct SessionCapacityChanged: DomainEvent, Equatable {
    public static let eventType = "SessionCapacityChanged"
    public let session: SessionID
    public let capacity: Int
    public let previousCapacity: Int

    public init(session: SessionID, capacity: Int, previousCapacity: Int) {
        self.session = session
        self.capacity = capacity
        self.previousCapacity = previousCapacity
    }

    enum CodingKeys: String, CodingKey {
        case session, capacity
        case previousCapacity = "previous_capacity"
    }
}
