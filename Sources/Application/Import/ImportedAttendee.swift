import Events

/// A registration an import committed, with its agenda token: the only moment the token
/// exists outside the attendee's hands (the log keeps its hash).
public struct ImportedAttendee: Sendable {
    public let line: Int
    public let id: AttendeeID
    /// Lower-cased, as registered.
    public let email: String
    public let token: String
}
