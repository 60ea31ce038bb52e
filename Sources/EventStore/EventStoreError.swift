import Events

/// Errors the event store raises besides database errors.
public enum EventStoreError: Error, CustomStringConvertible, Sendable {
    /// A stream the decision read moved before the append: decide again.
    case conflict(String)
    /// The caller wrote to a stream it did not read: a programming error.
    case unexpectedStream(StreamName)
    /// The schema is missing or older than this build.
    case schema(String)

    public var description: String {
        switch self {
        case .conflict(let message): return "concurrent change: \(message)"
        case .unexpectedStream(let stream): return "internal error: wrote to \(stream) without reading it first"
        case .schema(let message): return message
        }
    }
}
