/// A reschedule made two of the attendee's seats overlap; they keep both until they drop one.
public struct AgendaOverlapFlagged: DomainEvent, Equatable {
    public static let eventType = "AgendaOverlapFlagged"
    public let attendee: AttendeeID
    public let session: SessionID
    public let clashesWith: SessionID

    public init(attendee: AttendeeID, session: SessionID, clashesWith: SessionID) {
        self.attendee = attendee
        self.session = session
        self.clashesWith = clashesWith
    }

    enum CodingKeys: String, CodingKey {
        case attendee, session
        case clashesWith = "clashes_with"
    }
}
