/// An attendee left a waitlist from `position`; everyone behind moves up one.
public struct WaitlistLeft: DomainEvent, Equatable {
    public static let eventType = "WaitlistLeft"
    public let session: SessionID
    public let attendee: AttendeeID
    public let position: Int
    public let reason: LeaveReason

    public init(session: SessionID, attendee: AttendeeID, position: Int, reason: LeaveReason) {
        self.session = session
        self.attendee = attendee
        self.position = position
        self.reason = reason
    }
}
