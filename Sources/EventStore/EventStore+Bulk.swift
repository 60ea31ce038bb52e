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
    /// like `append(_:)`, but returns only the position of its last event (for a command id
    /// that committed before, that commit's). Throws `EventStoreError.conflict`.
    public func append(_ prepared: PreparedAppend) throws -> Int64 {
        try callAppend(prepared).position
    }
}
