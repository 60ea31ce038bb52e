import EventStore
import Events
import Postgres

/// Reads the events `audit placements` replays: only the placement, scholar and opening types
/// (through the `events_by_type (type, position)` index), up to the cutoff, in position order.
/// Reads in windows of positions so a long log shows progress and never sits in memory whole.
enum PlacementAuditSource {
    static let window: Int64 = 50_000

    static func read(
        _ store: EventStore, through cutoff: Int64, progress: (_ done: Int64, _ total: Int64) -> Void,
        _ body: (RecordedEvent) throws -> Void
    ) throws {
        var after: Int64 = 0
        while after < cutoff {
            let upTo = min(cutoff, after + window)
            let result = try store.connection.query(
                """
                SELECT position, stream, version, type, schema, data::text AS data, meta::text AS meta,
                       citylab_instant(recorded_at) AS instant
                FROM events WHERE type = ANY($1) AND position > $2 AND position <= $3 ORDER BY position
                """, [PlacementReplay.eventTypes, after, upTo])
            for row in result.rows {
                // The hash is not read: `audit verify` proves the chain; this replays the contents.
                try body(
                    RecordedEvent(
                        position: try row.int64("position"), stream: StreamName(try row.string("stream")), version: try row.int("version"),
                        type: try row.string("type"), schema: try row.int("schema"), data: try row.string("data"),
                        meta: try row.string("meta"), instant: try row.string("instant"), hash: []))
            }
            after = upTo
            progress(after, cutoff)
        }
    }
}
