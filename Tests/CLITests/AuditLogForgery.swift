import EventStore
import Events
import Postgres

/// What a database superuser can do to the log behind citylab's back, for the audit tests:
/// insert rows with any metadata (a made-up login, or none) and a correctly linked hash, even in
/// the middle of the log with every later hash recomputed, passing the append-only triggers with
/// `session_replication_role = replica`.
enum AuditLogForgery {
    /// Empties the log and its head, so a test can write a log from its first position.
    static func reset(_ connection: Connection) throws {
        try connection.simpleQuery(
            """
            SET session_replication_role = replica;
            DELETE FROM events; DELETE FROM commands;
            UPDATE log_head SET position = 0, hash = '\\x\(Hex.encode(HashChain.genesis))';
            RESET session_replication_role;
            """)
    }

    /// Inserts `event` at the head with `login` in its metadata (none when nil); returns its position.
    @discardableResult
    static func append(
        _ connection: Connection, _ stream: StreamName, _ event: any DomainEvent, login: String?, actor: String = "mallory"
    ) throws -> Int64 {
        let head = try connection.query("SELECT position FROM log_head").rows[0].int64("position")
        try insert(connection, at: head + 1, stream, event, login: login, actor: actor)
        return head + 1
    }

    /// Inserts `event` at `position`, moving every later event one position on, and recomputes the
    /// hash of every event from there and the head: the chain alone no longer shows anything.
    static func insert(
        _ connection: Connection, at position: Int64, _ stream: StreamName, _ event: any DomainEvent, login: String?,
        actor: String = "mallory"
    ) throws {
        let version = try connection.query("SELECT coalesce(max(version), 0) + 1 AS v FROM events WHERE stream = $1", [stream.rawValue])
            .rows[0].int("v")
        let meta = EventMetadata(
            actor: actor, commandID: "cmd_forged_\(position)", command: "forged", source: "sql",
            login: login.map(StaffLogin.init(unchecked:))
        ).canonicalText
        try connection.simpleQuery(
            """
            SET session_replication_role = replica;
            UPDATE events SET position = -position WHERE position >= \(position);
            UPDATE events SET position = 1 - position WHERE position < 0;
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            VALUES (\(position), '\(stream)', \(version), '\(type(of: event).eventType)', 1,
                    '\(try CanonicalJSON.encode(event).replacingOccurrences(of: "'", with: "''"))', '\(meta)', now(), '\\x00');
            RESET session_replication_role;
            """)
        try rechain(connection, from: position)
    }

    /// Recomputes every hash from `position` on, and the head.
    static func rechain(_ connection: Connection, from position: Int64) throws {
        let store = EventStore(connection)
        var previous = position == 1 ? HashChain.genesis : try store.read(after: position - 2, limit: 1)[0].hash
        var statements = ["SET session_replication_role = replica"]
        var last = position - 1
        for event in try store.read(after: position - 1, limit: 1_000_000) {
            previous = try HashChain.link(previous: previous, event)
            statements.append("UPDATE events SET hash = '\\x\(Hex.encode(previous))' WHERE position = \(event.position)")
            last = event.position
        }
        statements.append("UPDATE log_head SET position = \(last), hash = '\\x\(Hex.encode(previous))'")
        statements.append("RESET session_replication_role")
        try connection.simpleQuery(statements.joined(separator: ";\n"))
    }
}

extension AuditLogForgery {
    /// Appends well-formed events through the append function (`EventStore.append`), as anyone
    /// allowed to call it could, with no decision behind them; returns the first one's position.
    @discardableResult
    static func appendThroughTheStore(_ connection: Connection, _ events: [PendingEvent]) throws -> Int64 {
        var expectations: [StreamName: Int] = [:]
        for stream in Set(events.map(\.stream)) {
            expectations[stream] = try connection.query(
                "SELECT coalesce(max(version), 0) AS v FROM events WHERE stream = $1", [stream.rawValue]
            ).rows[0].int("v")
        }
        let metadata = EventMetadata(actor: "mallory", commandID: "cmd_forged", command: "forged", source: "sql")
        let outcome = try EventStore(connection).append(
            AppendBatch(commandID: nil, expectations: expectations, events: events, metadata: metadata))
        return outcome.position - Int64(events.count) + 1
    }
}
