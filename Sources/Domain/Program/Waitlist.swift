import Events

/// Promotion from a session's waitlist, shared by every decision that may free a seat.
enum Waitlist {
    /// Gives `session`'s free seats to its earliest eligible waitlisted attendees, in the
    /// same decision. Someone who holds an overlapping seat is skipped, keeps their place and
    /// is flagged (`WaitlistSkipped`, once per clash). Cancelled sessions promote nobody.
    static func promote(_ session: SessionID, _ batch: DecisionBatch<some StreamReader>) throws {
        var index = 0
        while true {
            let state = try batch.state(Session.self, .session(session))
            guard !state.isCancelled, state.freeSeats > 0, index < state.waitlist.count else { return }
            let candidate = state.waitlist[index]
            let attendee = try batch.state(Attendee.self, .attendee(candidate))
            guard attendee.exists, !attendee.isCancelled else {
                index += 1
                continue
            }
            if let clash = attendee.seat(overlapping: state.span, except: session) {
                if state.skipped[candidate] != clash {
                    let skipped = WaitlistSkipped(session: session, attendee: candidate, position: index + 1, clashesWith: clash)
                    try batch.append(.session(session), skipped)
                }
                index += 1
                continue
            }
            try batch.append(.session(session), PromotedFromWaitlist(session: session, attendee: candidate, position: index + 1))
            try batch.append(
                .attendee(candidate), SeatHeld(attendee: candidate, session: session, starts: state.span.starts, ends: state.span.ends))
        }
    }

    /// After `attendee` let go of a seat (dropped, cancelled, moved), a clash that kept them
    /// off another session's free seat may be gone: every session they wait for promotes again.
    static func promoteWaitlists(of attendee: AttendeeID, _ batch: DecisionBatch<some StreamReader>) throws {
        let state = try batch.state(Attendee.self, .attendee(attendee))
        guard state.exists, !state.isCancelled else { return }
        for session in state.waitlists.sorted() {
            try promote(session, batch)
        }
    }
}
