import Dispatch
import Events
import Synchronization

/// Decodes the payloads folds need, one way: `PayloadDecoder` reads the current schema of every
/// type of the event catalog straight from its bytes (`PayloadDecoderTests` holds it to every type
/// of `EventCatalog.all`); anything it leaves (an old schema, a payload spelled otherwise) is
/// read by the catalog itself, `EventRegistry` (its upcasters, then the reading the event store
/// and the deciders use). Big pages are decoded on two threads: decoding is most of a rebuild's work.
enum EventDecoder {
    private static let types: [String: any DomainEvent.Type] = {
        var map: [String: any DomainEvent.Type] = [:]
        for type in EventCatalog.all { map[type.eventType] = type }
        return map
    }()

    /// One stored event, as read from the log.
    struct Stored: Sendable {
        let position: Int64
        let type: String
        let schema: Int
        let data: String
        let instant: String
    }

    /// An event whose payload does not decode: where it is and why.
    struct Failure: Error, CustomStringConvertible, Sendable {
        let position: Int64
        let type: String
        let message: String

        var description: String {
            "event \(position) (\(type)) cannot be read: \(message); fix the code that reads it (an upcaster) and restart"
        }
    }

    /// The decoded events and, when `tolerant`, those that did not decode (else the first throws).
    struct Decoded: Sendable {
        var events: [ProjectedEvent] = []
        var failures: [Failure] = []
    }

    /// The events, decoded; on two threads when there are many and `parallel`. Throws the first `Failure`.
    static func decode(_ stored: [Stored], parallel: Bool = true) throws -> [ProjectedEvent] {
        try decode(stored, parallel: parallel, tolerant: false).events
    }

    /// The events, decoded; with `tolerant`, one that does not decode is returned as a failure
    /// instead of failing the page (so only the projections that use its type stop at it).
    static func decode(_ stored: [Stored], parallel: Bool = true, tolerant: Bool) throws -> Decoded {
        guard parallel, stored.count >= 2000 else { return try decodeChunk(stored[...], tolerant: tolerant) }
        let half = stored.count / 2
        let chunks = [stored[..<half], stored[half...]]
        let results = Mutex<[Int: Result<Decoded, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let outcome = Result { try decodeChunk(chunks[index], tolerant: tolerant) }
            results.withLock { $0[index] = outcome }
        }
        return try results.withLock { all in
            var decoded = Decoded()
            for index in chunks.indices {
                guard let part = try all[index]?.get() else { continue }
                decoded.events += part.events
                decoded.failures += part.failures
            }
            return decoded
        }
    }

    /// The payload read by `PayloadDecoder`; nil when it leaves it to `EventRegistry`.
    static func fast<T: DomainEvent>(_ type: T.Type, _ data: String) -> T? {
        try? PayloadDecoder.decode(type, from: data)
    }

    private static func decodeChunk(_ stored: ArraySlice<Stored>, tolerant: Bool) throws -> Decoded {
        var decoded = Decoded()
        decoded.events.reserveCapacity(stored.count)
        for event in stored {
            do {
                let payload: any DomainEvent
                if let type = types[event.type], type.schema == event.schema, let read = fast(type, event.data) {
                    payload = read
                } else {
                    payload = try EventRegistry.decode(type: event.type, schema: event.schema, data: event.data)
                }
                decoded.events.append(ProjectedEvent(position: event.position, instant: event.instant, event: payload))
            } catch {
                let failure = Failure(position: event.position, type: event.type, message: "\(error)")
                guard tolerant else { throw failure }
                decoded.failures.append(failure)
            }
        }
        return decoded
    }
}
