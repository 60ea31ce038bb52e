/// An attendee gave up a seat (dropped it, or their registration was cancelled).
public struct SeatReleased: DomainEvent, Equatable {
    public static let eventType = "SeatReleased"
    public let session: SessionID
    public let attendee: AttendeeID
    public let reason: LeaveReason

    public init(session: SessionID, attendee: AttendeeID, reason: LeaveReason) {
        self.session = session
        self.attendee = attendee
        self.reason = reason
    }
}
