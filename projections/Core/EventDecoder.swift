import Dispatch
import Events
import Foundation
import Synchronization

/// Decodes the payloads folds need, reusing one `JSONDecoder` per thread (the registry makes
/// one per event); old schemas go through `EventRegistry` and its upcasters. Big pages are
/// decoded on two threads: decoding is most of a rebuild's work.
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

    /// The events, decoded; on two threads when there are many and `parallel`.
    static func decode(_ stored: [Stored], parallel: Bool = true) throws -> [ProjectedEvent] {
        guard parallel, stored.count >= 2000 else { return try decodeChunk(stored[...]) }
        let half = stored.count / 2
        let chunks = [stored[..<half], stored[half...]]
        let results = Mutex<[Int: Result<[ProjectedEvent], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let outcome = Result { try decodeChunk(chunks[index]) }
            results.withLock { $0[index] = outcome }
        }
        return try results.withLock { all in try chunks.indices.flatMap { try all[$0]?.get() ?? [] } }
    }

    private static func decodeChunk(_ stored: ArraySlice<Stored>) throws -> [ProjectedEvent] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try stored.map { event in
            let payload: any DomainEvent
            if let type = types[event.type], type.schema == event.schema {
                payload = try decoder.decode(type, from: Data(event.data.utf8))
            } else {
                payload = try EventRegistry.decode(type: event.type, schema: event.schema, data: event.data)
            }
            return ProjectedEvent(position: event.position, instant: event.instant, event: payload)
        }
    }
}
