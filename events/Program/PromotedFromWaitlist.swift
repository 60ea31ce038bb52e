/// A freed or added seat went to the attendee who stood at `position` on the waitlist.
public struct PromotedFromWaitlist: DomainEvent, Equatable {
    public static let eventType = "PromotedFromWaitlist"
    public let session: SessionID
    public let attendee: AttendeeID
    public let position: Int

    public init(session: SessionID, attendee: AttendeeID, position: Int) {
        self.session = session
        self.attendee = attendee
        self.position = position
    }
}
