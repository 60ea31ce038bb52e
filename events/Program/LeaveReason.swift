/// Why an attendee left a session or its waitlist; stored as its raw value (a storage contract).
public enum LeaveReason: String, Codable, Sendable, Equatable {
    /// `agenda drop`.
    case dropped
    /// `attendee cancel`: the registration ended.
    case registrationCancelled = "registration-cancelled"
    /// `session cancel`: the session ended.
    case sessionCancelled = "session-cancelled"
}
