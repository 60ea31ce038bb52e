/// A cancelled session's room booking ended (program stream).
public struct RoomReleased: DomainEvent, Equatable {
    public static let eventType = "RoomReleased"
    public let conference: ConferenceID
    public let session: SessionID
    public let room: String

    public init(conference: ConferenceID, session: SessionID, room: String) {
        self.conference = conference
        self.session = session
        self.room = room
    }
}
