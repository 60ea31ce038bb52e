import Events

extension Session {
    /// `session schedule`: times are the CLI's text, read in the edition's zone.
    public struct Schedule: Sendable {
        public var id: SessionID, conference: ConferenceID
        public var title: String, room: String, starts: String, ends: String, capacity: Int
        public var track: String?, speakers: [String]
        public init(
            id: SessionID, conference: ConferenceID, title: String, room: String, starts: String, ends: String, capacity: Int,
            track: String? = nil, speakers: [String] = []
        ) {
            (self.id, self.conference, self.title, self.room) = (id, conference, title, room)
            (self.starts, self.ends, self.capacity, self.track, self.speakers) = (starts, ends, capacity, track, speakers)
        }
    }

    public static let maximumCapacity = 100_000

    /// Books the room in the edition's program and opens the session's seats. Refused when
    /// the id is taken, the room is booked at an overlapping time, or the times fall outside
    /// the edition. Throws `Rejection`.
    public static func decide(_ command: Schedule, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let edition = try Edition.load(command.conference, batch)
        guard try !batch.state(Session.self, .session(command.id)).exists else {
            throw Rejection("duplicate-id", "session \(command.id) is already scheduled", hint: "choose another --id, or leave --id out")
        }
        let title = try Validate.nonEmpty(command.title, "title")
        let room = try Validate.nonEmpty(command.room, "room", max: 100)
        let track = try Validate.optional(command.track, "track", max: 100)
        let speakers = try command.speakers.map { (name: String) throws(Rejection) -> String in try Validate.nonEmpty(name, "speaker") }
        let capacity = try checked(capacity: command.capacity)
        let span = TimeSpan(
            starts: try edition.parse(command.starts, field: "--starts"), ends: try edition.parse(command.ends, field: "--ends"))
        try book(room: room, span, for: command.id, edition, batch)
        let scheduled = SessionScheduled(
            session: command.id, conference: command.conference, title: title, room: room, starts: span.starts, ends: span.ends,
            capacity: capacity, track: track, speakers: speakers)
        try batch.append(.session(command.id), scheduled)
        try batch.append(
            .program(command.conference),
            RoomBooked(conference: command.conference, session: command.id, room: room, starts: span.starts, ends: span.ends))
        return batch.events
    }

    static func checked(capacity: Int) throws(Rejection) -> Int {
        guard (1...maximumCapacity).contains(capacity) else {
            throw Rejection(
                "invalid-capacity", "capacity \(capacity) is not allowed", hint: "give --capacity between 1 and \(maximumCapacity)")
        }
        return capacity
    }

    /// Refuses a span outside the edition, or a room already booked then by another session.
    static func book(room: String, _ span: TimeSpan, for session: SessionID, _ edition: Edition, _ batch: DecisionBatch<some StreamReader>)
        throws
    {
        try edition.check(span)
        let program = try batch.state(Program.self, .program(edition.opened.conference))
        if let clash = program.clash(room: room, span: span, except: session) {
            throw Rejection(
                "room-booked", "\(room) is booked for \(try Session.describe(clash, batch)) at \(edition.text(span))",
                hint: "choose another --room or time; 'citylab session list' shows the program")
        }
    }
}
