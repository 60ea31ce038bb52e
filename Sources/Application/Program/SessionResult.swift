/// `session schedule` and `session reschedule`: the session's room, times (ISO 8601 on the
/// edition's wall clock, with its offset), zone and capacity as decided; for a reschedule, what
/// changed and the side-effect notes.
public struct SessionResult: CommandResult {
    /// A part of a session a reschedule changed.
    public enum Change: String, Encodable, Sendable {
        case room, times, capacity
    }

    public let id: String
    public var message: String
    public let room: String
    public let starts: String
    public let ends: String
    public let timeZone: String
    public let capacity: Int
    /// Only for a reschedule (empty when nothing changed).
    public var changed: [Change]?
    public var notes: [String]?

    enum CodingKeys: String, CodingKey {
        case id, message, room, starts, ends, capacity, changed, notes
        case timeZone = "time_zone"
    }
}
