/// An attendee took a free seat in a session (session stream; the attendee stream records `SeatHeld`).
public struct SeatTaken: DomainEvent, Equatable {
    public static let eventType = "SeatTaken"
    public let session: SessionID
    public let attendee: AttendeeID

    public init(session: SessionID, attendee: AttendeeID) {
        self.session = session
        self.attendee = attendee
    }
}
