import Events

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

    public var description: String {
        switch self {
        case .conflict(let message): return "concurrent change: \(message)"
        case .unexpectedStream(let stream): return "internal error: wrote to \(stream) without reading it first"
        case .newline(let what): return "internal error: an event's \(what) holds a newline, which the log refuses"
        case .schema(let message): return message
        }
    }
}
