import Events
import Postgres

extension EventStore {
    /// Many streams in one query: each name's events in order and its version (0 and no
    /// events for a stream that does not exist yet), so a bulk decision reads thousands of
    /// streams in one round trip. Names given twice are read once.
    public func readStreams(_ names: [StreamName]) throws -> [StreamName: (events: [RecordedEvent], version: Int)] {
        var streams: [StreamName: (events: [RecordedEvent], version: Int)] = [:]
        streams.reserveCapacity(names.count)
        for name in names { streams[name] = ([], 0) }
        guard !names.isEmpty else { return streams }
        let result = try connection.query(
            "SELECT \(Self.columns) FROM events WHERE stream = ANY($1) ORDER BY stream, version", [Array(streams.keys.map(\.rawValue))])
        for row in result.rows {
            let event = try RecordedEvent(row: row)
            streams[event.stream, default: ([], 0)].events.append(event)
            streams[event.stream, default: ([], 0)].version = event.version
        }
        return streams
    }

    /// Appends a batch prepared by `PreparedAppend` (on any thread) through `citylab_append`,
    /// like `append(_:)`, but returns only the position of its last event: a bulk append's
    /// per-event summary would be megabytes to send and parse. Throws `EventStoreError.conflict`.
    public func append(_ prepared: PreparedAppend) throws -> Int64 {
        do {
            let rows = try connection.query(
                """
                SELECT (citylab_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) -> 'result' ->> 'position')::bigint AS position
                """,
                [
                    prepared.commandID, prepared.expectedStreams, prepared.expectedVersions, prepared.streams, prepared.versions,
                    prepared.types, prepared.schemas, prepared.data, prepared.meta, prepared.result,
                ])
            return try rows.rows.first?.int64("position") ?? 0
        } catch let error as PostgresError where error.sqlState == "CL409" || error.isUniqueViolation {
            throw EventStoreError.conflict(error.message)
        }
    }
}

/// An `AppendBatch` made ready for `citylab_append`: each event numbered in its stream from
/// the expected versions, payloads and metadata in canonical JSON. Building one is pure and
/// costly for big batches, so it can run on another thread while the store appends the previous one.
public struct PreparedAppend: Sendable {
    public let count: Int
    let commandID: String?
    let expectedStreams: [String], expectedVersions: [Int]
    let streams: [String], versions: [Int], types: [String], schemas: [Int], data: [String]
    let meta: String, result: String

    /// Throws `EventStoreError.unexpectedStream` for an event whose stream has no expectation.
    public init(_ batch: AppendBatch) throws {
        var next = batch.expectations
        var versions: [Int] = []
        versions.reserveCapacity(batch.events.count)
        for pending in batch.events {
            guard let current = next[pending.stream] else { throw EventStoreError.unexpectedStream(pending.stream) }
            next[pending.stream] = current + 1
            versions.append(current + 1)
        }
        let expected = batch.expectations.sorted { $0.key < $1.key }
        count = batch.events.count
        commandID = batch.commandID
        (expectedStreams, expectedVersions) = (expected.map(\.key.rawValue), expected.map(\.value))
        (streams, self.versions) = (batch.events.map(\.stream.rawValue), versions)
        types = batch.events.map { type(of: $0.event).eventType }
        schemas = batch.events.map { type(of: $0.event).schema }
        data = try batch.events.map { try $0.canonicalData() }
        meta = try CanonicalJSON.encode(batch.metadata)
        result = CanonicalJSON.string(.object(batch.result))
    }
}
