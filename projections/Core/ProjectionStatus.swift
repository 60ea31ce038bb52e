import Postgres

/// Where a projection stands against the log, for `projections status` and `/health`.
public struct ProjectionStatus: Codable, Sendable, Equatable {
    public var name: String
    /// The version of this build's code and the one that built the tables (nil before the first catch-up).
    public var codeVersion: Int
    public var storedVersion: Int?
    public var position: Int64
    /// Events not folded yet.
    public var lagEvents: Int64
    /// How long the oldest event not folded yet had been in the log when the head was
    /// recorded (the head's `recorded_at` minus that event's), in whole milliseconds; 0 when
    /// caught up. Integers only: `--json` output carries no fractions.
    public var lagMs: Int64
    /// `lagMs` rounded to whole seconds.
    public var lagSeconds: Int64
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

    /// Every projection's position and lag behind the log head. A projection without a
    /// checkpoint yet stands at 0: its lag runs from the first event.
    public static func status(_ connection: Connection) throws -> [ProjectionStatus] {
        let rows = try connection.query(
            """
            SELECT p.name, c.version, coalesce(c.position, 0) AS position, c.last_error,
                   citylab_instant(c.updated_at) AS updated_at, h.position AS head,
                   CASE WHEN coalesce(c.position, 0) < h.position
                        THEN coalesce(greatest(0, round(extract(epoch FROM h.recorded_at - e.recorded_at) * 1000)), 0)
                        ELSE 0 END::bigint AS lag_ms
            FROM unnest($1::text[]) AS p(name)
            CROSS JOIN log_head h
            LEFT JOIN projection_checkpoints c ON c.name = p.name
            LEFT JOIN events e ON e.position = coalesce(c.position, 0) + 1
            """, [all.map(\.name)])
        var stored: [String: Row] = [:]
        for row in rows { stored[try row.string("name")] = row }
        return try all.compactMap { projection in
            guard let row = stored[projection.name] else { return nil }
            let position = try row.int64("position")
            let lagMs = try row.int64("lag_ms")
            return ProjectionStatus(
                name: projection.name, codeVersion: projection.version, storedVersion: try row.optionalInt("version"),
                position: position, lagEvents: max(0, try row.int64("head") - position), lagMs: lagMs,
                lagSeconds: (lagMs + 500) / 1000, updatedAt: row["updated_at"], lastError: row["last_error"])
        }
    }
}
