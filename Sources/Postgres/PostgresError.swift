/// An error from the server or from libpq. `description` is safe to show and log anywhere
/// (never the conninfo, a password or query parameters); `debugDescription` adds everything.
public struct PostgresError: Error, CustomStringConvertible, CustomDebugStringConvertible, Sendable {
    public enum Kind: Sendable {
        /// Could not connect, or the connection broke; the connection is unusable.
        case connection
        /// The server rejected a statement; the connection is still usable.
        case query
        case copy
        case notification
        /// A value could not be read as the requested Swift type.
        case decoding
        /// The connection was closed by `close()`.
        case closed
    }

    public let kind: Kind
    /// The five-character SQLSTATE, when the server sent one.
    public let sqlState: String?
    public let message: String
    public let detail: String?
    public let hint: String?
    /// The objects the server named as the error's cause (libpq's `PG_DIAG_*` fields), when it
    /// named them. Unlike `message` and `detail` these are never translated (`lc_messages`), so
    /// code decides on them and on `sqlState`, never on the text.
    public let fields: PostgresErrorFields

    public init(
        _ kind: Kind, _ message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
        fields: PostgresErrorFields = PostgresErrorFields()
    ) {
        self.kind = kind
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.fields = fields
    }

    /// The constraint the statement violated (`commands_pkey`), when the server named one.
    public var constraint: String? { fields.constraint }
    /// The table the error concerns, when the server named one.
    public var table: String? { fields.table }
    /// The column the error concerns, when the server named one.
    public var column: String? { fields.column }
    /// The schema of the table or type the error concerns, when the server named one.
    public var schema: String? { fields.schema }
    /// The data type the error concerns, when the server named one.
    public var dataType: String? { fields.dataType }

    public var isUniqueViolation: Bool { sqlState == "23505" }
    public var isForeignKeyViolation: Bool { sqlState == "23503" }
    public var isCheckViolation: Bool { sqlState == "23514" }
    public var isSerializationFailure: Bool { sqlState == "40001" }
    public var isDeadlock: Bool { sqlState == "40P01" }
    public var isUndefinedTable: Bool { sqlState == "42P01" }
    public var isRaisedException: Bool { sqlState == "P0001" }
    public var isLockNotAvailable: Bool { sqlState == "55P03" }
    /// Serialization failures and deadlocks: the transaction may succeed if run again.
    public var isRetryable: Bool { isSerializationFailure || isDeadlock }

    public var description: String {
        "PostgreSQL \(kindName) error: \(message)"
    }

    public var debugDescription: String {
        var text = "PostgresError(kind: \(kindName)"
        if let sqlState { text += ", sqlState: \(sqlState)" }
        text += ", message: \(message)"
        if let detail { text += ", detail: \(detail)" }
        if let hint { text += ", hint: \(hint)" }
        for (name, value) in fields.named { text += ", \(name): \(value)" }
        return text + ")"
    }

    private var kindName: String {
        switch kind {
        case .connection: return "connection"
        case .query: return "query"
        case .copy: return "copy"
        case .notification: return "notification"
        case .decoding: return "decoding"
        case .closed: return "closed-connection"
        }
    }
}
