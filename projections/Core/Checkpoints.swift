import Postgres

/// The `projection_checkpoints` table: per projection, the code version that built its
/// tables, the last position folded, and the last failure.
public struct Checkpoint: Sendable, Equatable {
    public let name: String
    public let version: Int
    public let position: Int64
    public let lastError: String?
}

enum Checkpoints {
    /// The rows of `names`, creating missing ones at position 0 with the code's version
    /// (new tables are empty, so a new projection simply catches up from the start).
    static func read(_ projections: [any Projection], _ connection: Connection) throws -> [String: Checkpoint] {
        let names = projections.map(\.name)
        var checkpoints = try select(names, connection)
        if checkpoints.count < names.count {
            try connection.execute(
                """
                INSERT INTO projection_checkpoints (name, version, position)
                SELECT n, v, 0 FROM unnest($1::text[], $2::int[]) AS c(n, v) ON CONFLICT (name) DO NOTHING
                """, [names, projections.map(\.version)])
            checkpoints = try select(names, connection)
        }
        return checkpoints
    }

    private static func select(_ names: [String], _ connection: Connection) throws -> [String: Checkpoint] {
        var checkpoints: [String: Checkpoint] = [:]
        for row in try connection.query(
            "SELECT name, version, position, last_error FROM projection_checkpoints WHERE name = ANY($1)", [names])
        {
            let checkpoint = Checkpoint(
                name: try row.string("name"), version: try row.int("version"), position: try row.int64("position"),
                lastError: row["last_error"])
            checkpoints[checkpoint.name] = checkpoint
        }
        return checkpoints
    }

    static func advance(_ names: [String], to position: Int64, _ connection: Connection) throws {
        try connection.execute(
            "UPDATE projection_checkpoints SET position = $2, updated_at = now(), last_error = NULL WHERE name = ANY($1)",
            [names, position])
    }

    /// After a rebuild's swap: the new tables' version and position.
    static func reset(_ name: String, version: Int, position: Int64, _ connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO projection_checkpoints (name, version, position) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO UPDATE SET version = $2, position = $3, updated_at = now(), last_error = NULL
            """, [name, version, position])
    }

    /// Records why `names` stopped (inside the page's transaction, which advanced the others).
    static func fail(_ names: [String], _ message: String, _ connection: Connection) throws {
        try connection.execute(
            "UPDATE projection_checkpoints SET last_error = $2, updated_at = now() WHERE name = ANY($1)",
            [names, String(message.prefix(2000))])
    }

    /// Clears the last error of projections that are caught up (a failure that went away).
    static func clearErrors(_ names: [String], _ connection: Connection) throws {
        try connection.execute(
            "UPDATE projection_checkpoints SET last_error = NULL WHERE name = ANY($1) AND last_error IS NOT NULL", [names])
    }

    /// Records a failure outside the failed transaction, so `projections status` shows it.
    static func recordError(_ names: [String], _ message: String, _ connection: Connection) {
        try? fail(names, message, connection)
    }
}
