import Postgres

/// Advisory lock keys. Catch-up of a projection holds its transaction-level lock for one page;
/// a rebuild holds its session-level rebuild lock throughout and the catch-up lock for the swap.
enum ProjectionLocks {
    static func catchUpKey(_ name: String) -> String { "citylab-projection-\(name)" }
    static func rebuildKey(_ name: String) -> String { "citylab-projection-rebuild-\(name)" }

    /// `pg_try_advisory_xact_lock`: held until the transaction ends.
    static func tryTransactionLock(_ key: String, _ connection: Connection) throws -> Bool {
        try connection.query("SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok", [key]).rows.first?.bool("ok") ?? false
    }

    /// Waits for the transaction-level lock.
    static func transactionLock(_ key: String, _ connection: Connection) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", [key])
    }

    static func trySessionLock(_ key: String, _ connection: Connection) throws -> Bool {
        try connection.query("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [key]).rows.first?.bool("ok") ?? false
    }

    static func unlockSession(_ key: String, _ connection: Connection) {
        _ = try? connection.execute("SELECT pg_advisory_unlock(hashtext($1))", [key])
    }

    /// The process holding a session-level lock, for "a rebuild is running (pid …)".
    static func holder(_ key: String, _ connection: Connection) -> Int? {
        let row = try? connection.query(
            """
            SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted
              AND l.objid = (hashtext($1)::bigint & 4294967295)::oid LIMIT 1
            """, [key]
        ).rows.first
        return row.flatMap { try? $0.int("pid") }
    }
}
