import Postgres

/// What the database's other sessions are doing, for a hang's report: who waits on which lock.
enum DatabaseSessions {
    static func describe(_ url: String) -> String {
        guard let connection = try? Connection(url) else { return "(the database did not answer)" }
        defer { connection.close() }
        let sql = """
            SELECT a.pid, a.state, a.wait_event_type, a.wait_event, pg_blocking_pids(a.pid)::text AS blocked_by,
                   left(a.query, 160) AS query
            FROM pg_stat_activity a WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
            """
        guard let rows = try? connection.query(sql).rows else { return "(pg_stat_activity could not be read)" }
        let lines = rows.map { row in
            ["pid", "state", "wait_event_type", "wait_event", "blocked_by", "query"].map { "\($0)=\(row[$0] ?? "")" }.joined(separator: " ")
        }
        return "database sessions:\n" + lines.joined(separator: "\n")
    }
}
