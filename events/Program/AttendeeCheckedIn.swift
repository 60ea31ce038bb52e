import Foundation

/// The attendee arrived at the venue at `at` (given by the command).
public struct AttendeeCheckedIn: DomainEvent, Equatable {
    public static let eventType = "AttendeeCheckedIn"
    public let attendee: AttendeeID
    public let conference: ConferenceID
    public let at: Date

    public init(attendee: AttendeeID, conference: ConferenceID, at: Date) {
        self.attendee = attendee
        self.conference = conference
        self.at = at
    }
}
