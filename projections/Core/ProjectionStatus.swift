import Postgres

/// Where a projection stands against the log, for `projections status` and `/health`.
public struct ProjectionStatus: Codable, Sendable, Equatable {
    public var name: String
    /// The version of this build's code and the one that built the tables (nil before the first catch-up).
    public var codeVersion: Int
    public var storedVersion: Int?
    public var position: Int64
    /// Events not folded yet, and how much older the checkpoint's event is than the head's (seconds).
    public var lagEvents: Int64
    public var lagSeconds: Double
    public var updatedAt: String?
    public var lastError: String?
}

extension Projector {
    /// The position every read model has reached (the lowest checkpoint; 0 before any):
    /// what `X-Projection-Position` reports and `?min_position` waits for.
    public static func position(_ connection: Connection) throws -> Int64 {
        let row = try connection.query(
            "SELECT coalesce(min(position), 0) AS position, count(*) AS n FROM projection_checkpoints WHERE name = ANY($1)",
            [all.map(\.name)]
        ).rows.first
        guard let row, try row.int("n") == all.count else { return 0 }
        return try row.int64("position")
    }

    /// Every projection's position and lag behind the log head.
    public static func status(_ connection: Connection) throws -> [ProjectionStatus] {
        let rows = try connection.query(
            """
            SELECT c.name, c.version, c.position, c.last_error, citylab_instant(c.updated_at) AS updated_at,
                   h.position AS head,
                   coalesce(extract(epoch FROM h.recorded_at - coalesce(e.recorded_at, f.recorded_at)), 0)::float8 AS lag_seconds
            FROM log_head h
            LEFT JOIN projection_checkpoints c ON c.name = ANY($1)
            LEFT JOIN events e ON e.position = c.position
            LEFT JOIN events f ON f.position = 1
            """, [all.map(\.name)])
        var stored: [String: Row] = [:]
        var head: Int64 = 0
        for row in rows {
            head = try row.int64("head")
            if let name = row["name"] { stored[name] = row }
        }
        return try all.map { projection in
            guard let row = stored[projection.name] else {
                return ProjectionStatus(
                    name: projection.name, codeVersion: projection.version, storedVersion: nil, position: 0, lagEvents: head,
                    lagSeconds: 0, updatedAt: nil, lastError: nil)
            }
            let position = try row.int64("position")
            return ProjectionStatus(
                name: projection.name, codeVersion: projection.version, storedVersion: try row.int("version"), position: position,
                lagEvents: head - position, lagSeconds: position >= head ? 0 : max(0, try row.double("lag_seconds")),
                updatedAt: row["updated_at"], lastError: row["last_error"])
        }
    }
}
