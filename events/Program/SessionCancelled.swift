/// A session was called off: every seat and waitlist place in it ends with this event.
public struct SessionCancelled: DomainEvent, Equatable {
    public static let eventType = "SessionCancelled"
    public let session: SessionID
    public let conference: ConferenceID
    public let reason: String?

    public init(session: SessionID, conference: ConferenceID, reason: String?) {
        self.session = session
        self.conference = conference
        self.reason = reason
    }
}
