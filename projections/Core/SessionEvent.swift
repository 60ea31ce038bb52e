import Events

/// The session (and attendee) a session-stream event is about, so folds can load their rows in bulk.
enum SessionEvent {
    static func keys(_ event: any DomainEvent) -> (session: SessionID, attendee: AttendeeID?)? {
        switch event {
        case let e as SessionScheduled: return (e.session, nil)
        case let e as SessionRescheduled: return (e.session, nil)
        case let e as SessionCapacityChanged: return (e.session, nil)
        case let e as SessionCancelled: return (e.session, nil)
        case let e as SeatTaken: return (e.session, e.attendee)
        case let e as Waitlisted: return (e.session, e.attendee)
        case let e as PromotedFromWaitlist: return (e.session, e.attendee)
        case let e as WaitlistSkipped: return (e.session, e.attendee)
        case let e as SeatReleased: return (e.session, e.attendee)
        case let e as WaitlistLeft: return (e.session, e.attendee)
        default: return nil
        }
    }
}
