import Events
import Foundation

/// The session aggregate (stream `session-<id>`): what was scheduled, and its seats and
/// FIFO waitlist (the boundary of the capacity rule).
public enum Session: Decider {
    public struct State: Sendable, Equatable {
        public var scheduled: SessionScheduled?
        public var room = ""
        public var span = TimeSpan(starts: .distantPast, ends: .distantPast)
        public var capacity = 0
        public var isCancelled = false
        /// Seat holders, in the order they took their seats.
        public var seats: [AttendeeID] = []
        /// First come, first served: index 0 is position 1.
        public var waitlist: [AttendeeID] = []
        /// Waitlisted attendees last skipped at promotion, and the held seat that clashed.
        public var skipped: [AttendeeID: SessionID] = [:]

        public var exists: Bool { scheduled != nil }
        /// Seats free now; zero while a lowered capacity is still exceeded.
        public var freeSeats: Int { max(0, capacity - seats.count) }
        public var title: String { scheduled?.title ?? "" }

        /// 1-based place on the waitlist.
        public func position(of attendee: AttendeeID) -> Int? { waitlist.firstIndex(of: attendee).map { $0 + 1 } }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let scheduled as SessionScheduled:
            state.scheduled = scheduled
            state.room = scheduled.room
            state.span = TimeSpan(starts: scheduled.starts, ends: scheduled.ends)
            state.capacity = scheduled.capacity
        case let moved as SessionRescheduled:
            state.room = moved.room
            state.span = TimeSpan(starts: moved.starts, ends: moved.ends)
        case let changed as SessionCapacityChanged: state.capacity = changed.capacity
        case is SessionCancelled:
            state.isCancelled = true
            state.seats = []
            state.waitlist = []
            state.skipped = [:]
        case let taken as SeatTaken: state.seats.append(taken.attendee)
        case let waitlisted as Waitlisted: state.waitlist.append(waitlisted.attendee)
        case let promoted as PromotedFromWaitlist:
            state.waitlist.removeAll { $0 == promoted.attendee }
            state.skipped[promoted.attendee] = nil
            state.seats.append(promoted.attendee)
        case let skipped as WaitlistSkipped: state.skipped[skipped.attendee] = skipped.clashesWith
        case let released as SeatReleased: state.seats.removeAll { $0 == released.attendee }
        case let left as WaitlistLeft:
            state.waitlist.removeAll { $0 == left.attendee }
            state.skipped[left.attendee] = nil
        default: break
        }
        return state
    }
}
