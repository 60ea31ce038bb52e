import Events
import Foundation

extension Session {
    /// `session reschedule S [--room R] [--starts T] [--ends T] [--capacity N]`: whatever is
    /// given changes; `--starts` alone keeps the session's length.
    public struct Reschedule: Sendable {
        public var session: SessionID
        public var room: String?, starts: String?, ends: String?, capacity: Int?
        public init(session: SessionID, room: String? = nil, starts: String? = nil, ends: String? = nil, capacity: Int? = nil) {
            (self.session, self.room, self.starts, self.ends, self.capacity) = (session, room, starts, ends, capacity)
        }
    }

    /// Moves the session (same rules as scheduling) and its seat holders' times with it,
    /// flagging seats that now overlap; changes capacity (raising promotes, lowering never
    /// evicts). Values equal to the current ones change nothing. Throws `Rejection`.
    public static func decide(_ command: Reschedule, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let id = command.session
        let (state, scheduled) = try Session.active(id, batch)
        guard command.room != nil || command.starts != nil || command.ends != nil || command.capacity != nil else {
            throw Rejection(
                "nothing-to-change", "no new room, time or capacity for \(id)", hint: "give --room, --starts, --ends or --capacity")
        }
        let edition = try Edition.load(scheduled.conference, batch)
        let room = try command.room.map { (text: String) throws(Rejection) in try Validate.nonEmpty(text, "room", max: 100) } ?? state.room
        let starts = try command.starts.map { (text: String) throws(Rejection) in try edition.parse(text, field: "--starts") }
        let ends = try command.ends.map { (text: String) throws(Rejection) in try edition.parse(text, field: "--ends") }
        let length = state.span.ends.timeIntervalSince(state.span.starts)
        let span = TimeSpan(
            starts: starts ?? state.span.starts, ends: ends ?? starts.map { $0.addingTimeInterval(length) } ?? state.span.ends)
        if room != state.room || span != state.span {
            try book(room: room, span, for: id, edition, batch)
            let moved = SessionRescheduled(
                session: id, conference: scheduled.conference, room: room, starts: span.starts, ends: span.ends,
                previousRoom: state.room, previousStarts: state.span.starts, previousEnds: state.span.ends)
            try batch.append(.session(id), moved)
            try batch.append(
                .program(scheduled.conference),
                RoomBooked(conference: scheduled.conference, session: id, room: room, starts: span.starts, ends: span.ends))
        }
        if span != state.span {
            for holder in state.seats { try move(holder, in: id, from: state.span, to: span, batch) }
        }
        if let capacity = try command.capacity.map({ (n: Int) throws(Rejection) in try checked(capacity: n) }), capacity != state.capacity {
            try batch.append(.session(id), SessionCapacityChanged(session: id, capacity: capacity, previousCapacity: state.capacity))
        }
        try Waitlist.promote(id, batch)
        if span != state.span {
            // A holder moved away from a clash may now take a free seat they were waiting for.
            for holder in state.seats { try Waitlist.promoteWaitlists(of: holder, batch) }
        }
        return batch.events
    }

    /// The holder's seat follows the session; each other seat it newly overlaps is flagged.
    private static func move(
        _ holder: AttendeeID, in session: SessionID, from old: TimeSpan, to new: TimeSpan, _ batch: DecisionBatch<some StreamReader>
    ) throws {
        let attendee = try batch.state(Attendee.self, .attendee(holder))
        let clashes = attendee.seats.filter { $0.key != session && $0.value.overlaps(new) && !$0.value.overlaps(old) }.keys.sorted()
        try batch.append(.attendee(holder), SeatTimesChanged(attendee: holder, session: session, starts: new.starts, ends: new.ends))
        for clash in clashes {
            try batch.append(.attendee(holder), AgendaOverlapFlagged(attendee: holder, session: session, clashesWith: clash))
        }
    }
}
