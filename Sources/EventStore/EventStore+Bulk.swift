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
        let row = try callAppend(prepared, selecting: "(citylab_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) -> 'result' ->> 'position')::bigint AS position")
        return try row?.int64("position") ?? 0
    }

    /// Calls `citylab_append` with a prepared batch; maps a moved stream to `EventStoreError.conflict`.
    func callAppend(_ prepared: PreparedAppend, selecting expression: String) throws -> Row? {
        do {
            let rows = try connection.query(
                "SELECT \(expression)",
                [
                    prepared.commandID, prepared.expectedStreams, prepared.expectedVersions, prepared.streams, prepared.versions,
                    prepared.types, prepared.schemas, prepared.data, prepared.meta, prepared.result,
                ])
            return rows.rows.first
        } catch let error as PostgresError where error.sqlState == "CL409" || error.isUniqueViolation {
            throw EventStoreError.conflict(error.message)
        }
    }
}
