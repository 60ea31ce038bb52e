import Foundation

/// A session moved in time or room; the previous values let an agenda say "moved from 10:00 to 14:00".
public struct SessionRescheduled: DomainEvent, Equatable {
    public static let eventType = "SessionRescheduled"
    public let session: SessionID
    public let conference: ConferenceID
    public let room: String
    public let starts: Date
    public let ends: Date
    public let previousRoom: String
    public let previousStarts: Date
    public let previousEnds: Date

    public init(
        session: SessionID, conference: ConferenceID, room: String, starts: Date, ends: Date, previousRoom: String, previousStarts: Date,
        previousEnds: Date
    ) {
        self.session = session
        self.conference = conference
        self.room = room
        self.starts = starts
        self.ends = ends
        self.previousRoom = previousRoom
        self.previousStarts = previousStarts
        self.previousEnds = previousEnds
    }

    enum CodingKeys: String, CodingKey {
        case session, conference, room, starts, ends
        case previousRoom = "previous_room"
        case previousStarts = "previous_starts"
        case previousEnds = "previous_ends"
    }
}
