/// Where an attendee stands in a session on their agenda (`AgendaDocument.Entry.status`); the
/// stored spellings are the raw values, read by the HTML, JSON and iCalendar renderers and the CLI.
public enum AgendaEntryStatus: String, Codable, Sendable, CaseIterable {
    case seat
    case waitlisted
    /// The session was called off.
    case cancelled
}
