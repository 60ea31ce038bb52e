import Domain
import Events

/// Replays the business rules, not only the state: folds sessions, attendees, openings,
/// placements and scholars through the deciders' own `evolve`, and before applying each event
/// checks it was allowed given every event before it. Pure: fed events in position order, no I/O.
///
/// Checked: a seat is taken or given only when the session has a free seat (lowering capacity
/// never evicts, so seats above it are not a finding until one more is given); a seat goes to the
/// earliest waitlisted attendee who is still registered and holds no overlapping seat, passing
/// over only those flagged with `WaitlistSkipped`; an attendee never takes a seat overlapping one
/// they hold (a reschedule that makes an overlap is allowed and flagged); an opening never holds
/// more seats than it has; a confirmation follows an approval and completed training, with a seat.
public struct RulesReplay: Sendable {
    private var sessions: [SessionID: Session.State] = [:]
    private var attendees: [AttendeeID: Attendee.State] = [:]
    private var openings: [OpeningID: Opening.State] = [:]
    private var placements: [PlacementID: Placement.State] = [:]
    private var scholars: [ScholarID: Scholar.State] = [:]
    public private(set) var findings: [AuditFinding] = []

    public init() {}

    /// The event types whose rules or state the replay needs; other types are not decoded.
    public static let eventTypes: Set<String> = Set(
        ([
            SessionScheduled.self, SessionRescheduled.self, SessionCapacityChanged.self, SessionCancelled.self, SeatTaken.self,
            Waitlisted.self, PromotedFromWaitlist.self, WaitlistSkipped.self, SeatReleased.self, WaitlistLeft.self,
            AttendeeRegistered.self, AttendeeCancelled.self, SeatHeld.self, SeatTimesChanged.self, WaitlistJoined.self,
            SessionLeft.self, OpeningCreated.self, OpeningSeatTaken.self, OpeningSeatReleased.self, PlacementProposed.self,
            PlacementApproved.self, PlacementConfirmed.self, PlacementWithdrawn.self, PlacementCompleted.self,
            ScholarAdmitted.self, ScholarTrainingCompleted.self, ScholarPlacementProposed.self, ScholarPlacementEnded.self,
        ] as [any DomainEvent.Type]).map { $0.eventType })

    /// Checks one event against the state before it, then applies it to the stream it was appended to.
    public mutating func apply(position: Int64, stream: StreamName, login: StaffLogin?, _ event: any DomainEvent) {
        if let broken = violation(event) {
            findings.append(AuditFinding(.rules, position: position, type: type(of: event).eventType, login: login, reason: broken))
        }
        evolve(stream, event)
    }

    /// What rule `event` breaks given the state before it, or nil.
    func violation(_ event: any DomainEvent) -> String? {
        switch event {
        case let taken as SeatTaken:
            return seatGiven(taken.session, to: taken.attendee, ahead: sessions[taken.session]?.waitlist ?? [])
        case let promoted as PromotedFromWaitlist:
            let waitlist = sessions[promoted.session]?.waitlist ?? []
            guard let index = waitlist.firstIndex(of: promoted.attendee) else {
                return "\(promoted.attendee) was promoted in \(promoted.session) without a place on its waitlist"
            }
            return seatGiven(promoted.session, to: promoted.attendee, ahead: Array(waitlist[..<index]))
        case let held as SeatHeld:
            let span = TimeSpan(starts: held.starts, ends: held.ends)
            guard let clash = attendees[held.attendee]?.seat(overlapping: span, except: held.session) else { return nil }
            return "\(held.attendee) took a seat in \(held.session) while holding one in \(clash), which overlaps it"
        case let taken as OpeningSeatTaken:
            return openingSeat(taken.opening, for: taken.placement)
        case let confirmed as PlacementConfirmed:
            return confirmation(confirmed)
        default:
            return nil
        }
    }

    /// A seat of `session` given to `attendee`, with `ahead` waiting before them.
    private func seatGiven(_ id: SessionID, to attendee: AttendeeID, ahead: [AttendeeID]) -> String? {
        guard let session = sessions[id], session.exists else { return "no session \(id) was scheduled" }
        if session.isCancelled { return "session \(id) was cancelled" }
        if session.seats.count >= session.capacity {
            return "session \(id) was full (\(session.seats.count) of \(session.capacity) seats taken): over capacity"
        }
        for waiting in ahead where waiting != attendee {
            let state = attendees[waiting] ?? Attendee.initialState
            guard state.exists, !state.isCancelled else { continue }
            if state.seat(overlapping: session.span, except: id) == nil {
                let place = (session.waitlist.firstIndex(of: waiting) ?? 0) + 1
                return "the seat in \(id) belonged to \(waiting), waiting at place \(place) and free to take it (first come, first served)"
            }
            if session.skipped[waiting] == nil {
                return "\(waiting), ahead on the waitlist of \(id), was passed over without being flagged (WaitlistSkipped)"
            }
        }
        return nil
    }

    private func openingSeat(_ id: OpeningID, for placement: PlacementID) -> String? {
        guard let opening = openings[id], opening.exists else { return "no opening \(id) was created" }
        let others = opening.seatHolders.filter { $0 != placement }.count
        guard others < opening.seats else {
            return "opening \(id) was full (\(others) of \(opening.seats) seats taken by other placements): over its seats"
        }
        return nil
    }

    private func confirmation(_ confirmed: PlacementConfirmed) -> String? {
        let placement = placements[confirmed.placement] ?? Placement.initialState
        guard placement.status == .approved else {
            let status = placement.status.map { "was \($0.rawValue)" } ?? "was never proposed"
            return "placement \(confirmed.placement) \(status), not approved"
        }
        guard scholars[confirmed.scholar]?.hasCompletedTraining == true else {
            return "scholar \(confirmed.scholar) had not completed training"
        }
        return openingSeat(confirmed.opening, for: confirmed.placement)
    }

    private mutating func evolve(_ stream: StreamName, _ event: any DomainEvent) {
        let id = String(stream.rawValue.dropFirst(stream.category.count + 1))
        switch stream.category {
        case "session": Self.fold(Session.self, &sessions, SessionID(unchecked: id), event)
        case "attendee": Self.fold(Attendee.self, &attendees, AttendeeID(unchecked: id), event)
        case "opening": Self.fold(Opening.self, &openings, OpeningID(unchecked: id), event)
        case "placement": Self.fold(Placement.self, &placements, PlacementID(unchecked: id), event)
        case "scholar": Self.fold(Scholar.self, &scholars, ScholarID(unchecked: id), event)
        default: return
        }
    }

    /// Takes the state out while `evolve` changes it, so its arrays are not copied on every event.
    private static func fold<D: Decider, ID: Hashable>(_: D.Type, _ states: inout [ID: D.State], _ id: ID, _ event: any DomainEvent) {
        let state = states.removeValue(forKey: id) ?? D.initialState
        states[id] = D.evolve(state, event)
    }
}
