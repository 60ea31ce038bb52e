import Foundation
import Postgres

/// Runs a read-model query and decodes its rows (snake_case columns) as Codable values.
enum RowQuery {
    static func fetch<Row: Decodable>(_ type: Row.Type, _ sql: String, _ params: [any PostgresBindable], _ connection: Connection) throws
        -> [Row]
    {
        let text = try connection.query("SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (\(sql)) q", params).rows.first?.string(
            "rows")
        return try RowCoding.decoder.decode([Row].self, from: Data((text ?? "[]").utf8))
    }

    /// A timestamptz column spelled as `2026-10-14T13:00:00Z` (fractions kept when present).
    static func instant(_ column: String) -> String {
        "(CASE WHEN \(column) = date_trunc('second', \(column)) THEN to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
            + "ELSE citylab_instant(\(column)) END) AS \(column)"
    }
}
