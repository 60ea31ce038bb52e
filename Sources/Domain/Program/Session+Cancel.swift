import Events

extension Session {
    public struct Cancel: Sendable {
        public var session: SessionID, reason: String?
        public init(session: SessionID, reason: String? = nil) { (self.session, self.reason) = (session, reason) }
    }

    /// Cancels the session: it leaves every agenda (seats and waitlist alike) and its room is
    /// released. Nobody is promoted into it; but a seat holder whose seat here kept them off a
    /// free seat elsewhere (an overlap) is promoted there now. Throws `Rejection`.
    public static func decide(_ command: Cancel, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let id = command.session
        let (state, scheduled) = try Session.scheduled(id, batch)
        guard !state.isCancelled else {
            throw Rejection("already-cancelled", "'\(scheduled.title)' (\(id)) is already cancelled", hint: "nothing to do")
        }
        let reason = try Validate.optional(command.reason, "reason", max: 500)
        try batch.append(.session(id), SessionCancelled(session: id, conference: scheduled.conference, reason: reason))
        try batch.append(.program(scheduled.conference), RoomReleased(conference: scheduled.conference, session: id, room: state.room))
        for attendee in state.seats + state.waitlist {
            try batch.append(.attendee(attendee), SessionLeft(attendee: attendee, session: id, reason: .sessionCancelled))
        }
        for holder in state.seats {
            try Waitlist.promoteWaitlists(of: holder, batch)
        }
        return batch.events
    }
}
