/// A seat was free but the waitlisted attendee holds a seat in an overlapping session (`clashes_with`): they keep their place.
public struct WaitlistSkipped: DomainEvent, Equatable {
    public static let eventType = "WaitlistSkipped"
    public let session: SessionID
    public let attendee: AttendeeID
    public let position: Int
    public let clashesWith: SessionID

    public init(session: SessionID, attendee: AttendeeID, position: Int, clashesWith: SessionID) {
        self.session = session
        self.attendee = attendee
        self.position = position
        self.clashesWith = clashesWith
    }

    enum CodingKeys: String, CodingKey {
        case session, attendee, position
        case clashesWith = "clashes_with"
    }
}
