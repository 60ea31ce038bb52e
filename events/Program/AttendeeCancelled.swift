/// A registration was cancelled: its seats and waitlist places are freed in the same decision.
public struct AttendeeCancelled: DomainEvent, Equatable {
    public static let eventType = "AttendeeCancelled"
    public let attendee: AttendeeID
    public let conference: ConferenceID
    public let reason: String?

    public init(attendee: AttendeeID, conference: ConferenceID, reason: String?) {
        self.attendee = attendee
        self.conference = conference
        self.reason = reason
    }
}
