import Events
import Foundation

/// The attendee aggregate (stream `attendee-<id>`): registration and its lifecycle, and the
/// seats and waitlist places the attendee holds (the boundary of the overlap rule).
public enum Attendee: Decider {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case registered
        case checkedIn = "checked-in"
        case cancelled
    }

    public struct State: Sendable, Equatable {
        public var registration: AttendeeRegistered?
        public var status: Status?
        /// The hash of the agenda token that works now.
        public var tokenHash: String?
        public var checkedInAt: Date?
        /// The sessions they hold a seat in, with the times the overlap rule compares.
        public var seats: [SessionID: TimeSpan] = [:]
        /// The sessions whose waitlist they stand on (positions live in the session streams).
        public var waitlists: Set<SessionID> = []

        public var exists: Bool { registration != nil }
        public var isCancelled: Bool { status == .cancelled }

        /// The held seat (lowest id first) that overlaps `span`, other than `session` itself.
        public func seat(overlapping span: TimeSpan, except session: SessionID) -> SessionID? {
            seats.filter { $0.key != session && $0.value.overlaps(span) }.keys.min()
        }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let registered as AttendeeRegistered:
            state.registration = registered
            state.status = .registered
            state.tokenHash = registered.tokenHash
        case is AttendeeCancelled:
            state.status = .cancelled
            state.seats = [:]
            state.waitlists = []
        case let checkedIn as AttendeeCheckedIn:
            state.status = .checkedIn
            state.checkedInAt = checkedIn.at
        case let reissued as AgendaLinkReissued: state.tokenHash = reissued.tokenHash
        case let held as SeatHeld:
            state.seats[held.session] = TimeSpan(starts: held.starts, ends: held.ends)
            state.waitlists.remove(held.session)
        case let moved as SeatTimesChanged where state.seats[moved.session] != nil:
            state.seats[moved.session] = TimeSpan(starts: moved.starts, ends: moved.ends)
        case let joined as WaitlistJoined: state.waitlists.insert(joined.session)
        case let left as SessionLeft:
            state.seats[left.session] = nil
            state.waitlists.remove(left.session)
        default: break
        }
        return state
    }

    public struct Register: Sendable {
        public var id: AttendeeID, name: String, email: String, role: String
        public var organization: String?, city: String?, tokenHash: String
        public init(id: AttendeeID, name: String, email: String, role: String, organization: String?, city: String?, tokenHash: String) {
            (self.id, self.name, self.email, self.role) = (id, name, email, role)
            (self.organization, self.city, self.tokenHash) = (organization, city, tokenHash)
        }
    }

    /// The streams `register` reads: the edition, the attendee's own stream (must be new)
    /// and the address's reservation within the edition.
    public static func emailScope(_ conference: ConferenceID) -> String { conference.rawValue }

    public static func decide(
        _ command: Register, conference: Conference.State, attendee: State, email claim: EmailClaim.State
    ) throws(Rejection) -> [PendingEvent] {
        guard let edition = conference.opened else {
            throw Rejection("unknown-conference", "no such edition", hint: "open one with 'citylab conference open'")
        }
        guard !attendee.exists else {
            throw Rejection("duplicate-id", "\(command.id) already exists", hint: "choose another --id, or leave --id out")
        }
        let name = try Validate.nonEmpty(command.name, "name")
        let email = try Validate.email(command.email)
        let role = try Role.parse(command.role)
        let organization = try Validate.optional(command.organization, "organization")
        let city = try Validate.optional(command.city, "city")
        if let holder = claim.holder {
            throw Rejection(
                "email-taken", "\(email) is already registered for \(edition.conference) as \(holder)",
                hint: "use 'citylab attendee reissue-link \(holder)' for a new link, or cancel that registration first")
        }
        let scope = emailScope(edition.conference)
        return [
            PendingEvent(
                .attendee(command.id),
                AttendeeRegistered(
                    attendee: command.id, conference: edition.conference, name: name, email: email,
                    role: role.rawValue, organization: organization, city: city, tokenHash: command.tokenHash)),
            PendingEvent(.emailClaim(scope: scope, email: email), EmailClaimed(scope: scope, email: email, holder: command.id.rawValue)),
        ]
    }
}
