/// The attendee no longer holds a seat or waitlist place in a session (attendee stream).
public struct SessionLeft: DomainEvent, Equatable {
    public static let eventType = "SessionLeft"
    public let attendee: AttendeeID
    public let session: SessionID
    public let reason: LeaveReason

    public init(attendee: AttendeeID, session: SessionID, reason: LeaveReason) {
        self.attendee = attendee
        self.session = session
        self.reason = reason
    }
}
