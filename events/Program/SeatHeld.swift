import Foundation

/// The attendee holds a seat in a session from `starts` to `ends` (attendee stream: the facts the overlap rule needs).
public struct SeatHeld: DomainEvent, Equatable {
    public static let eventType = "SeatHeld"
    public let attendee: AttendeeID
    public let session: SessionID
    public let starts: Date
    public let ends: Date

    public init(attendee: AttendeeID, session: SessionID, starts: Date, ends: Date) {
        self.attendee = attendee
        self.session = session
        self.starts = starts
        self.ends = ends
    }
}
