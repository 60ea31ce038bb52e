import Events

/// The working set of one decision that spans streams: reads through the application's
/// reader (each stream once), and sees the events decided so far as if already appended,
/// so later steps of the same decision (a promotion after a release) decide on the
/// up-to-date state. Every stream written is read first, so the append can expect its version.
public final class DecisionBatch<Reader: StreamReader>: StreamReader {
    private let reader: Reader
    private var loaded: [StreamName: [any DomainEvent]] = [:]
    public private(set) var events: [PendingEvent] = []

    public init(_ reader: Reader) { self.reader = reader }

    /// The stream as stored plus what this decision has appended to it.
    public func read(_ stream: StreamName) throws -> [any DomainEvent] {
        if let events = loaded[stream] { return events }
        let events = try reader.read(stream)
        loaded[stream] = events
        return events
    }

    public func append(_ stream: StreamName, _ event: any DomainEvent) throws {
        var current = try read(stream)
        current.append(event)
        loaded[stream] = current
        events.append(PendingEvent(stream, event))
    }
}
