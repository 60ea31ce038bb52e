import Events
import Postgres

/// The event log in PostgreSQL: appends with expectations, reads by stream and by position.
/// Wraps one connection and is used by one thread at a time, like the connection.
public final class EventStore {
    public let connection: Connection
    /// The login the server authenticated for this connection, learned on first use.
    var sessionLogin: StaffLogin?

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The columns every read selects, in the form `RecordedEvent.init(row:)` expects.
    static let columns = """
        position, stream, version, type, schema, data::text AS data, meta::text AS meta,
        citylab_instant(recorded_at) AS instant, hash
        """

    /// A stream's events in order, and its version (0 when it has none).
    public func readStream(_ stream: StreamName) throws -> (events: [RecordedEvent], version: Int) {
        let result = try connection.query(
            "SELECT \(Self.columns) FROM events WHERE stream = $1 ORDER BY version", [stream.rawValue])
        let events = try result.rows.map(RecordedEvent.init(row:))
        return (events, events.last?.version ?? 0)
    }

    /// Up to `limit` events after `position`, in log order.
    public func read(after position: Int64, limit: Int) throws -> [RecordedEvent] {
        let result = try connection.query(
            "SELECT \(Self.columns) FROM events WHERE position > $1 ORDER BY position LIMIT $2", [position, limit])
        return try result.rows.map(RecordedEvent.init(row:))
    }

    /// Every event of the given types, in log order (e.g. every `ConferenceOpened`).
    public func read(types: [String], after position: Int64 = 0) throws -> [RecordedEvent] {
        let result = try connection.query(
            "SELECT \(Self.columns) FROM events WHERE type = ANY($1) AND position > $2 ORDER BY position", [types, position])
        return try result.rows.map(RecordedEvent.init(row:))
    }

    /// The head of the log: its last position and hash (position 0 and 32 zero bytes when empty).
    public func head() throws -> LogHead {
        let result = try connection.query("SELECT position, hash, citylab_instant(recorded_at) AS instant FROM log_head")
        guard let row = result.rows.first else { throw EventStoreError.schema("the log head is missing: run 'citylab db migrate'") }
        return LogHead(position: try row.int64("position"), hash: try row.bytes("hash"), instant: row["instant"])
    }

    /// Appends in one transaction (see `citylab_append` in sql/). Throws
    /// `EventStoreError.conflict` when a stream read by the decision has moved.
    /// The metadata records this connection's login (`login()`), whatever the batch says.
    public func append(_ batch: AppendBatch) throws -> AppendOutcome {
        var batch = batch
        batch.metadata.login = try login()
        let prepared = try PreparedAppend(batch, summarize: true)
        let answer = try callAppend(prepared)
        if let stored = answer.duplicate {
            return AppendOutcome(isDuplicate: true, result: AppendResult.completed(try JSONParser.parse(stored)))
        }
        return prepared.outcome(lastPosition: answer.position)
    }

    /// The stored result of a command id, if that command committed.
    public func commandResult(_ commandID: String) throws -> JSONValue? {
        let result = try connection.query("SELECT result::text AS result FROM commands WHERE command_id = $1", [commandID])
        guard let text = result.rows.first?["result"] else { return nil }
        return AppendResult.completed(try JSONParser.parse(text))
    }
}

/// The last position and hash of the log, as `audit head` prints them.
public struct LogHead: Sendable, Equatable, CustomStringConvertible {
    public let position: Int64
    public let hash: [UInt8]
    public let instant: String?
    public var description: String { "\(position):\(Hex.encode(hash))" }
}

extension RecordedEvent {
    init(row: Row) throws {
        self.init(
            position: try row.int64("position"), stream: StreamName(try row.string("stream")), version: try row.int("version"),
            type: try row.string("type"), schema: try row.int("schema"), data: try row.string("data"),
            meta: try row.string("meta"), instant: try row.string("instant"), hash: try row.bytes("hash"))
    }
}
