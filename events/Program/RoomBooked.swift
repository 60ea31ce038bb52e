import Foundation

/// The edition's program booked a room for a session (program stream). A later booking of the same session replaces it.
public struct RoomBooked: DomainEvent, Equatable {
    public static let eventType = "RoomBooked"
    public let conference: ConferenceID
    public let session: SessionID
    public let room: String
    public let starts: Date
    public let ends: Date

    public init(conference: ConferenceID, session: SessionID, room: String, starts: Date, ends: Date) {
        self.conference = conference
        self.session = session
        self.room = room
        self.starts = starts
        self.ends = ends
    }
}
