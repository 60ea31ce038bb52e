import Events
import Postgres

/// Reads the log in pages for the projector: only what folds need (no metadata, no hash),
/// decoded once and shared by every projection folding the page.
enum EventPages {
    /// Up to `limit` events after `position`, in log order.
    static func read(after position: Int64, limit: Int, _ connection: Connection) throws -> [ProjectedEvent] {
        let result = try connection.query(
            """
            SELECT position, type, schema, data::text AS data, citylab_instant(recorded_at) AS instant
            FROM events WHERE position > $1 ORDER BY position LIMIT $2
            """, [position, limit])
        return try result.rows.map { row in
            ProjectedEvent(
                position: try row.int64("position"), instant: try row.string("instant"),
                event: try EventRegistry.decode(type: try row.string("type"), schema: try row.int("schema"), data: try row.string("data")))
        }
    }

    /// The log's last position (0 when empty).
    static func head(_ connection: Connection) throws -> Int64 {
        try connection.query("SELECT position FROM log_head").rows.first?.int64("position") ?? 0
    }
}
