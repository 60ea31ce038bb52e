import Foundation

/// A session the attendee holds a seat in was rescheduled: the held times follow (attendee stream).
public struct SeatTimesChanged: DomainEvent, Equatable {
    public static let eventType = "SeatTimesChanged"
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
