import Events

/// An attendee's choice of sessions: `agenda add` and `agenda drop`. Each decision writes
/// the session stream (seats, waitlist) and the attendee stream (what they hold), and the
/// streams of anyone promoted.
public enum Agenda {
    public struct Add: Sendable {
        public var attendee: AttendeeID, session: SessionID
        public init(attendee: AttendeeID, session: SessionID) { (self.attendee, self.session) = (attendee, session) }
    }

    public struct Drop: Sendable {
        public var attendee: AttendeeID, session: SessionID
        public init(attendee: AttendeeID, session: SessionID) { (self.attendee, self.session) = (attendee, session) }
    }

    /// A seat if one is free, else the next place on the waitlist. Eligible waitlisted
    /// attendees are promoted first, so a newcomer never jumps the queue. Throws `Rejection`.
    public static func decide(_ command: Add, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let (attendee, registration) = try Attendee.active(command.attendee, batch)
        let (session, scheduled) = try Session.active(command.session, batch)
        try sameEdition(registration, scheduled)
        let who = "\(registration.name) (\(command.attendee))"
        if session.seats.contains(command.attendee) {
            throw Rejection(
                "already-enrolled", "\(who) already holds a seat in '\(scheduled.title)' (\(command.session))",
                hint: "nothing to do; see 'citylab agenda show \(command.attendee)'")
        }
        if let position = session.position(of: command.attendee) {
            throw Rejection(
                "already-waitlisted", "\(who) is already waitlisted for '\(scheduled.title)' (\(command.session)) at position \(position)",
                hint: "they move up when a seat frees; 'citylab agenda drop' leaves the waitlist")
        }
        try Waitlist.promote(command.session, batch)
        let now = try batch.state(Session.self, .session(command.session))
        if now.freeSeats > 0 {
            if let clash = attendee.seat(overlapping: now.span, except: command.session) {
                throw Rejection(
                    "overlap",
                    "\(who) holds a seat in \(try Session.describe(clash, batch)), which overlaps \(try Session.describe(command.session, batch))",
                    hint: "drop it first with 'citylab agenda drop \(command.attendee) \(clash)', or choose another session")
            }
            try batch.append(.session(command.session), SeatTaken(session: command.session, attendee: command.attendee))
            try batch.append(
                .attendee(command.attendee),
                SeatHeld(attendee: command.attendee, session: command.session, starts: now.span.starts, ends: now.span.ends))
        } else {
            let position = now.waitlist.count + 1
            try batch.append(
                .session(command.session), Waitlisted(session: command.session, attendee: command.attendee, position: position))
            try batch.append(.attendee(command.attendee), WaitlistJoined(attendee: command.attendee, session: command.session))
        }
        return batch.events
    }

    /// Leaves the seat (the first eligible waitlisted attendee takes it) or the waitlist
    /// (everyone behind moves up). A released seat may end a clash that kept the attendee off
    /// a free seat elsewhere: their own waitlists promote again. Throws `Rejection`.
    public static func decide(_ command: Drop, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let (_, registration) = try Attendee.active(command.attendee, batch)
        let (session, scheduled) = try Session.active(command.session, batch)
        try sameEdition(registration, scheduled)
        if session.seats.contains(command.attendee) {
            try batch.append(
                .session(command.session), SeatReleased(session: command.session, attendee: command.attendee, reason: .dropped))
        } else if let position = session.position(of: command.attendee) {
            let left = WaitlistLeft(session: command.session, attendee: command.attendee, position: position, reason: .dropped)
            try batch.append(.session(command.session), left)
        } else {
            throw Rejection(
                "not-enrolled",
                "\(registration.name) (\(command.attendee)) holds neither a seat nor a waitlist place in '\(scheduled.title)' (\(command.session))",
                hint: "see 'citylab agenda show \(command.attendee)'")
        }
        try batch.append(.attendee(command.attendee), SessionLeft(attendee: command.attendee, session: command.session, reason: .dropped))
        try Waitlist.promote(command.session, batch)
        try Waitlist.promoteWaitlists(of: command.attendee, batch)
        return batch.events
    }

    static func sameEdition(_ registration: AttendeeRegistered, _ scheduled: SessionScheduled) throws(Rejection) {
        guard registration.conference == scheduled.conference else {
            throw Rejection(
                "other-edition",
                "'\(scheduled.title)' (\(scheduled.session)) belongs to \(scheduled.conference), but \(registration.attendee) is registered for \(registration.conference)",
                hint: "choose a session of \(registration.conference)")
        }
    }
}
