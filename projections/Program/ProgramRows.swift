/// A row of `program`: one session with its seats and waitlist counts.
public struct ProgramRow: Codable, Sendable, Equatable {
    public var session: String
    public var conference: String
    public var title: String
    public var room: String
    public var track: String?
    public var speakers: [String]
    public var starts: String
    public var ends: String
    public var capacity: Int
    public var seatsTaken: Int
    public var seatsLeft: Int
    public var waitlistLength: Int
    public var status: SessionStatus
    public var rescheduleCount: Int
    public var lastChangedPosition: Int64
    public var lastChangedAt: String
}

/// A row of `rosters`: a seat holder or a waitlisted attendee of a session. The waitlist
/// position is the attendee's rank by `sincePosition` among the session's waitlisted.
public struct RosterRow: Codable, Sendable, Equatable {
    public var session: String
    public var attendee: String
    public var name: String
    public var kind: RosterKind
    public var sincePosition: Int64
}

/// A row of `program_people`: the name rosters show.
struct ProgramPerson: Codable, Sendable {
    var attendee: String
    var name: String
}
