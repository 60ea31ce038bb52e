import Foundation

/// A session was put on an edition's program: where, when (UTC instants), how many seats, who speaks.
public struct SessionScheduled: DomainEvent, Equatable {
    public static let eventType = "SessionScheduled"
    public let session: SessionID
    public let conference: ConferenceID
    public let title: String
    public let room: String
    public let starts: Date
    public let ends: Date
    public let capacity: Int
    public let track: String?
    public let speakers: [String]

    public init(
        session: SessionID, conference: ConferenceID, title: String, room: String, starts: Date, ends: Date, capacity: Int, track: String?,
        speakers: [String]
    ) {
        self.session = session
        self.conference = conference
        self.title = title
        self.room = room
        self.starts = starts
        self.ends = ends
        self.capacity = capacity
        self.track = track
        self.speakers = speakers
    }
}
