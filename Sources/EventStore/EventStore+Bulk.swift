import Events

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
}
