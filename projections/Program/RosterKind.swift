/// How an attendee is on a session's roster (`RosterRow.kind`, `RosterEntry.kind`), spelled as
/// stored: the roster query orders by it (`seat` before `waitlist`).
public enum RosterKind: String, Codable, Sendable, CaseIterable {
    case seat
    case waitlist
}
