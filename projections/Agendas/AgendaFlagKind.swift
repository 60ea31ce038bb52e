/// What an agenda entry's flag tells (`AgendaDocument.Flag.kind`), spelled as stored.
public enum AgendaFlagKind: String, Codable, Sendable, CaseIterable {
    /// The session was rescheduled since the attendee signed up.
    case moved
    /// The seat overlaps another seat on the same agenda.
    case overlaps
    /// The session was called off.
    case cancelled
    /// A seat was given past them on the waitlist while the session clashes with one they hold.
    case skipped
}
