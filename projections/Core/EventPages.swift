import Events
import Postgres

/// A page of the log as projections fold it: the events of the types they use, decoded,
/// and the last position read (which the checkpoint moves to, used or not).
struct EventPage: Sendable {
    let events: [ProjectedEvent]
    let last: Int64?
    let count: Int
    /// Events that did not decode (only when read `tolerant`; otherwise the read throws).
    var failures: [EventDecoder.Failure] = []
}

/// Reads the log in pages for the projector: only what folds need (no metadata, no hash, no
/// payload of a type no projection uses), decoded once and shared by every projection.
enum EventPages {
    /// Up to `limit` events after `position`, in log order; only those of `types` are read and
    /// decoded. With `tolerant`, an event that does not decode is listed in `failures` instead of thrown.
    static func read(
        after position: Int64, limit: Int, types: Set<String>, tolerant: Bool = false, _ connection: Connection
    ) throws -> EventPage {
        // Positions are gap-free and commit in order (the head lock), so the page is a range.
        let last = min(position + Int64(limit), try head(connection))
        guard last > position else { return EventPage(events: [], last: nil, count: 0) }
        let result = try connection.query(
            """
            SELECT position, type, schema, data::text AS data, citylab_instant(recorded_at) AS instant
            FROM events WHERE position > $1 AND position <= $2 AND type = ANY($3) ORDER BY position
            """, [position, last, Array(types)])
        let stored = try result.rows.map { row in
            EventDecoder.Stored(
                position: try row.int64("position"), type: try row.string("type"), schema: try row.int("schema"),
                data: try row.string("data"), instant: try row.string("instant"))
        }
        let decoded = try EventDecoder.decode(stored, tolerant: tolerant)
        return EventPage(events: decoded.events, last: last, count: Int(last - position), failures: decoded.failures)
    }

    /// The log's last position (0 when empty).
    static func head(_ connection: Connection) throws -> Int64 {
        try connection.query("SELECT position FROM log_head").rows.first?.int64("position") ?? 0
    }
}

extension Array where Element == any Projection {
    /// Every event type these projections fold.
    var eventTypes: Set<String> { reduce(into: []) { $0.formUnion($1.eventTypes) } }
}
