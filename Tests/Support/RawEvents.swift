import EventStore
import Events
import Postgres

/// Appends an event with plain SQL, as someone with database rights could: no `citylab_append`,
/// so no NOTIFY and no read model catches up; `recorded_at` may lie in the past. The hash chain
/// and the head stay consistent (a payload that is not canonical JSON keeps the previous hash),
/// so only what a test means to break is broken.
public enum RawEvents {
    /// Appends one event at the head; returns its position.
    @discardableResult
    public static func append(
        _ connection: Connection, stream: String, type: String, data: String, schema: Int = 1, secondsAgo: Int = 0
    ) throws -> Int64 {
        try connection.transaction {
            let head = try connection.query("SELECT position, hash FROM log_head FOR UPDATE").rows[0]
            let position = try head.int64("position") + 1
            let version = try connection.query(
                "SELECT coalesce(max(version), 0) + 1 AS v FROM events WHERE stream = $1", [stream]
            ).rows[0].int("v")
            let instant = try connection.query(
                "SELECT citylab_instant(now() - make_interval(secs => $1)) AS instant", [secondsAgo]
            ).rows[0].string("instant")
            let meta = EventMetadata(actor: "raw-sql", commandID: "cmd_raw_\(position)", command: "raw insert", source: "sql")
                .canonicalText
            let event = RecordedEvent(
                position: position, stream: StreamName(stream), version: version, type: type, schema: schema, data: data, meta: meta,
                instant: instant, hash: [])
            let previous = try head.bytes("hash")
            let hash = (try? HashChain.link(previous: previous, event)) ?? previous
            try connection.execute(
                """
                INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
                VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::timestamptz, decode($9, 'hex'))
                """, [position, stream, version, type, schema, data, meta, instant, Hex.encode(hash)])
            try connection.execute(
                "UPDATE log_head SET position = $1, hash = decode($2, 'hex'), recorded_at = $3::timestamptz",
                [position, Hex.encode(hash), instant])
            return position
        }
    }
}
