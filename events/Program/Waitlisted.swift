/// The session was full: the attendee joined its waitlist at `position` (1 is next in line).
public struct Waitlisted: DomainEvent, Equatable {
    public static let eventType = "Waitlisted"
    public let session: SessionID
    public let attendee: AttendeeID
    public let position: Int

    public init(session: SessionID, attendee: AttendeeID, position: Int) {
        self.session = session
        self.attendee = attendee
        self.position = position
    }
}
