/// The attendee stands on a session's waitlist (attendee stream; the position lives in the session's `Waitlisted`).
public struct WaitlistJoined: DomainEvent, Equatable {
    public static let eventType = "WaitlistJoined"
    public let attendee: AttendeeID
    public let session: SessionID

    public init(attendee: AttendeeID, session: SessionID) {
        self.attendee = attendee
        self.session = session
    }
}
