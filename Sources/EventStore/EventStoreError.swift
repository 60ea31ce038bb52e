import Events
import Postgres

/// Errors the event store raises besides database errors.
public enum EventStoreError: Error, CustomStringConvertible, Sendable {
    /// A stream the decision read moved before the append: decide again.
    case conflict(String)
    /// The caller wrote to a stream it did not read: a programming error.
    case unexpectedStream(StreamName)
    /// A stream name, event type or payload holds a newline: a programming error (canonical
    /// JSON never does; stream names and types are built by the code).
    case newline(String)
    /// The schema is missing or older than this build.
    case schema(String)
    /// The authenticated login holds no role that may do this (SQLSTATE 42501): nothing was
    /// written. The message names the role needed.
    case notPermitted(String)
    /// The log's head is not its last event (a row inserted past the append path, a head moved
    /// or overwritten): the append path refuses to build on it (SQLSTATE CL500).
    case damaged(String)

    public var description: String {
        switch self {
        case .conflict(let message): return "concurrent change: \(message)"
        case .unexpectedStream(let stream): return "internal error: wrote to \(stream) without reading it first"
        case .newline(let what): return "internal error: an event's \(what) holds a newline, which the log refuses"
        case .schema(let message): return message
        case .notPermitted(let message): return message
        case .damaged(let message): return message
        }
    }

    /// A privilege refusal: insufficient_privilege (42501), or the grant errors of class 0L/0P.
    public static func isPrivilegeRefusal(_ error: PostgresError) -> Bool {
        guard let state = error.sqlState else { return false }
        return state == "42501" || state.hasPrefix("0L") || state.hasPrefix("0P")
    }
}
