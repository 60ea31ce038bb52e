import Domain
import Events

/// Human notes about the side effects a decision carries: promotions, skips, flags.
enum EventNotes {
    static func sideEffects(_ events: [PendingEvent], title: (SessionID) -> String) -> [String] {
        events.compactMap { pending in
            switch pending.event {
            case let e as PromotedFromWaitlist:
                return "\(e.attendee) moved up from the waitlist into '\(title(e.session))'."
            case let e as WaitlistSkipped:
                return
                    "\(e.attendee) was skipped on the waitlist of '\(title(e.session))' (holds \(e.clashesWith) at that time) and keeps place \(e.position)."
            case let e as AgendaOverlapFlagged:
                return "\(e.attendee)'s agenda now has '\(title(e.session))' overlapping \(e.clashesWith)."
            default:
                return nil
            }
        }
    }

    static func count<T>(_ type: T.Type, in events: [PendingEvent]) -> Int {
        events.filter { $0.event is T }.count
    }
}
