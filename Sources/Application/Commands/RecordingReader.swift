import Domain
import EventStore
import Events

/// Loads streams for one decision on first use, and remembers the version of every stream
/// read so the append can expect all of them unchanged (the decision's consistency boundary).
public final class RecordingReader: StreamReader {
    private let store: EventStore
    private var cache: [StreamName: [any DomainEvent]] = [:]
    public private(set) var versions: [StreamName: Int] = [:]

    public init(store: EventStore) {
        self.store = store
    }

    public func read(_ stream: StreamName) throws -> [any DomainEvent] {
        if let events = cache[stream] { return events }
        let (recorded, version) = try store.readStream(stream)
        let events = try recorded.map { try $0.decoded() }
        cache[stream] = events
        versions[stream] = version
        return events
    }

    /// The expectations for the append: every stream read, plus every stream written
    /// (which a well-formed decision has read already; read now if not).
    func expectations(for events: [PendingEvent]) throws -> [StreamName: Int] {
        for pending in events where versions[pending.stream] == nil { _ = try read(pending.stream) }
        return versions
    }
}
