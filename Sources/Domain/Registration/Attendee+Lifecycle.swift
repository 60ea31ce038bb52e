import Events
import Foundation

extension Attendee {
    public struct Cancel: Sendable {
        public var attendee: AttendeeID, reason: String?
        public init(attendee: AttendeeID, reason: String? = nil) { (self.attendee, self.reason) = (attendee, reason) }
    }

    public struct CheckIn: Sendable {
        public var attendee: AttendeeID
        /// Arrival time, from the application's clock.
        public var at: Date
        public init(attendee: AttendeeID, at: Date) { (self.attendee, self.at) = (attendee, at) }
    }

    public struct ReissueLink: Sendable {
        public var attendee: AttendeeID
        /// Hex SHA-256 of the new token (the token itself never reaches the log).
        public var tokenHash: String
        public init(attendee: AttendeeID, tokenHash: String) { (self.attendee, self.tokenHash) = (attendee, tokenHash) }
    }

    /// Cancels the registration: frees every seat (the waitlists move up, in the same
    /// decision) and waitlist place, and releases the email so it may register again.
    /// Throws `Rejection`.
    public static func decide(_ command: Cancel, _ streams: some StreamReader) throws -> [PendingEvent] {
        let batch = DecisionBatch(streams)
        let id = command.attendee
        let (state, registration) = try registered(id, batch)
        guard !state.isCancelled else {
            throw Rejection(
                "already-cancelled", "the registration of \(registration.name) (\(id)) is already cancelled", hint: "nothing to do")
        }
        let reason = try Validate.optional(command.reason, "reason", max: 500)
        try batch.append(.attendee(id), AttendeeCancelled(attendee: id, conference: registration.conference, reason: reason))
        for session in Set(state.seats.keys).union(state.waitlists).sorted() {
            let held = try batch.state(Session.self, .session(session))
            if held.seats.contains(id) {
                try batch.append(.session(session), SeatReleased(session: session, attendee: id, reason: .registrationCancelled))
                try Waitlist.promote(session, batch)
            } else if let position = held.position(of: id) {
                try batch.append(
                    .session(session), WaitlistLeft(session: session, attendee: id, position: position, reason: .registrationCancelled))
            }
        }
        let scope = emailScope(registration.conference)
        let claim = StreamName.emailClaim(scope: scope, email: registration.email)
        if try batch.state(EmailClaim.self, claim).holder == id.rawValue {
            try batch.append(claim, EmailReleased(scope: scope, email: registration.email, holder: id.rawValue))
        }
        return batch.events
    }

    /// Records arrival, once, for an active registration. Throws `Rejection`.
    public static func decide(_ command: CheckIn, _ streams: some StreamReader) throws -> [PendingEvent] {
        let (state, registration) = try active(command.attendee, streams)
        if let at = state.checkedInAt {
            throw Rejection(
                "already-checked-in", "\(registration.name) (\(command.attendee)) already checked in at \(at.formatted(.iso8601))",
                hint: "nothing to do")
        }
        return [
            PendingEvent(
                .attendee(command.attendee),
                AttendeeCheckedIn(attendee: command.attendee, conference: registration.conference, at: command.at))
        ]
    }

    /// Records the new link's token hash; the old link stops working. The same hash again
    /// changes nothing. Throws `Rejection`.
    public static func decide(_ command: ReissueLink, _ streams: some StreamReader) throws -> [PendingEvent] {
        let (state, _) = try active(command.attendee, streams)
        guard command.tokenHash.count == 64, command.tokenHash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw Rejection(
                "invalid-token-hash", "the token hash must be 64 lowercase hex digits (SHA-256)",
                hint: "hash the new token with SHA256.hex before sending the command")
        }
        guard command.tokenHash != state.tokenHash else { return [] }
        return [PendingEvent(.attendee(command.attendee), AgendaLinkReissued(attendee: command.attendee, tokenHash: command.tokenHash))]
    }
}
