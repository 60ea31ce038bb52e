import Events
import Postgres

/// Proof that the read models are what the log says: each projection is folded afresh from
/// position 0 into scratch copies of its tables, up to exactly its checkpoint, and every table
/// is compared with its copy row for row. Read-only: everything happens in one REPEATABLE READ
/// transaction that is rolled back (scratch tables are temporary), so it runs beside writers,
/// the projector and a rebuild, and a concurrent catch-up cannot cause a false alarm.
public enum ReplayCheck {
    /// How one projection's tables compare with a fresh replay.
    public struct Result: Sendable {
        public let projection: String
        /// The checkpoint the tables and the replay were compared at.
        public let position: Int64
        public let verdict: Verdict
    }

    public enum Verdict: Sendable, Equatable {
        /// Every table equals the replay, row for row.
        case matches
        /// The first table (in the projection's order) and row (by key) that differ.
        case differs(Difference)
        /// The tables were built by another version of the fold; the next catch-up rebuilds them.
        case stale(builtBy: Int, code: Int)
        /// The checkpoint is past the log's last position: events the tables show are gone.
        case ahead(head: Int64)
    }

    /// A row that differs: present in both with different values, missing, or extra.
    public struct Difference: Sendable, Equatable {
        public let table: String
        /// The primary key's columns and values, in key order.
        public let key: [Column]
        /// The row in the read model (nil: missing there) and in the replay (nil: extra there).
        public let live: [String: JSONValue]?
        public let replay: [String: JSONValue]?
        /// The columns whose values differ when the row is in both, in table order.
        public let columns: [String]
    }

    public struct Column: Sendable, Equatable {
        public let name: String
        public let value: String
    }

    /// Checks `projections` (every one by default). Must be called outside a transaction; the
    /// live tables are share-locked for the duration (a rebuild's swap waits for it).
    /// `progress` gets events replayed and the highest checkpoint.
    public static func run(
        _ connection: Connection, projections: [any Projection] = Projector.all, pageSize: Int = 5000,
        cacheLimit: Int = 200_000, progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> [Result] {
        guard !connection.isInTransaction else {
            throw PostgresError(.query, "a replay check runs in its own transaction", hint: "call it outside a transaction")
        }
        try connection.simpleQuery("BEGIN ISOLATION LEVEL REPEATABLE READ")
        defer { _ = try? connection.simpleQuery("ROLLBACK") }
        // Locks before the snapshot (taken by the first query): a swap committed after it
        // would otherwise show a new table whose rows the snapshot cannot see.
        let live = projections.flatMap(\.tables)
        try connection.simpleQuery("LOCK TABLE \(live.joined(separator: ", ")) IN ACCESS SHARE MODE")
        let checkpoints = try self.checkpoints(projections, connection)
        let head = try EventPages.head(connection)
        let current = projections.filter {
            checkpoints[$0.name]?.version ?? $0.version == $0.version && checkpoints[$0.name]?.position ?? 0 <= head
        }
        for table in current.flatMap(\.tables) {
            try connection.simpleQuery("CREATE TEMP TABLE \(scratch(table)) (LIKE \(table) INCLUDING ALL) ON COMMIT DROP")
        }
        try replay(current, upTo: checkpoints, connection, pageSize: pageSize, cacheLimit: cacheLimit, progress: progress)
        return try projections.map { projection in
            let position = checkpoints[projection.name]?.position ?? 0
            if let built = checkpoints[projection.name]?.version, built != projection.version {
                return Result(projection: projection.name, position: position, verdict: .stale(builtBy: built, code: projection.version))
            }
            guard position <= head else { return Result(projection: projection.name, position: position, verdict: .ahead(head: head)) }
            for table in projection.tables {
                if let difference = try compare(table, connection) {
                    return Result(projection: projection.name, position: position, verdict: .differs(difference))
                }
            }
            return Result(projection: projection.name, position: position, verdict: .matches)
        }
    }

    private static let names = TableNames(suffix: "_replay_check")

    /// Temporary: unqualified, the name resolves to this session's temp schema first.
    private static func scratch(_ table: String) -> String { names(table) }

    private static func checkpoints(
        _ projections: [any Projection], _ connection: Connection
    ) throws -> [String: (version: Int, position: Int64)] {
        var found: [String: (version: Int, position: Int64)] = [:]
        for row in try connection.query(
            "SELECT name, version, position FROM projection_checkpoints WHERE name = ANY($1)", [projections.map(\.name)])
        {
            found[try row.string("name")] = (try row.int("version"), try row.int64("position"))
        }
        return found
    }

    /// Folds the log into the scratch tables, each projection up to its own checkpoint (pages
    /// are read and decoded once for all).
    private static func replay(
        _ projections: [any Projection], upTo checkpoints: [String: (version: Int, position: Int64)], _ connection: Connection,
        pageSize: Int, cacheLimit: Int, progress: (Int64, Int64) -> Void
    ) throws {
        let folds = projections.map { (fold: $0.makeFold(names, startsEmpty: true), end: checkpoints[$0.name]?.position ?? 0) }
        let target = folds.map(\.end).max() ?? 0
        let types = projections.eventTypes
        var position: Int64 = 0
        while position < target {
            let page = try EventPages.read(after: position, limit: Int(min(Int64(pageSize), target - position)), types: types, connection)
            guard let last = page.last else { break }
            for (fold, end) in folds where end > position {
                try fold.apply(last <= end ? page.events : page.events.filter { $0.position <= end }, connection)
                if fold.cachedRows > cacheLimit { try fold.flush(connection, keepCache: false) }
            }
            position = last
            progress(position, target)
        }
        for (fold, _) in folds { try fold.flush(connection, keepCache: false) }
    }

    /// The first row, by primary key, in one of `table` and its replay but not the other.
    private static func compare(_ table: String, _ connection: Connection) throws -> Difference? {
        let columns = try connection.query(
            "SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
            [table]
        ).rows.map { try $0.string("attname") }
        var keys = try connection.query(
            """
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)
            """, [table]
        ).rows.map { try $0.string("attname") }
        if keys.isEmpty { keys = columns }
        let list = try columns.map(SQLIdentifier.quote).joined(separator: ", ")
        let keyList = try keys.map(SQLIdentifier.quote)
        let (mine, theirs) = (table, scratch(table))
        let sql = """
            SELECT \(keyList.enumerated().map { "\($0.element)::text AS k\($0.offset)" }.joined(separator: ", ")) FROM (
              (SELECT \(list) FROM \(mine) EXCEPT ALL SELECT \(list) FROM \(theirs))
              UNION ALL
              (SELECT \(list) FROM \(theirs) EXCEPT ALL SELECT \(list) FROM \(mine))
            ) d ORDER BY \(keyList.joined(separator: ", ")) LIMIT 1
            """
        guard let first = try connection.query(sql).rows.first else { return nil }
        let key = try keys.indices.map { Column(name: keys[$0], value: try first.string("k\($0)")) }
        let match = keyList.enumerated().map { "t.\($0.element)::text = $\($0.offset + 1)" }.joined(separator: " AND ")
        func row(_ name: String) throws -> [String: JSONValue]? {
            let text: String? = try connection.query("SELECT to_jsonb(t)::text AS r FROM \(name) t WHERE \(match)", key.map(\.value))
                .rows.first?["r"]
            guard let text, case .object(let members) = try? JSONParser.parse(text) else { return text.map { ["row": .string($0)] } }
            return members
        }
        let (live, replay) = (try row(mine), try row(theirs))
        let differing = live.flatMap { live in replay.map { replay in columns.filter { live[$0] != replay[$0] } } } ?? []
        return Difference(table: table, key: key, live: live, replay: replay, columns: differing)
    }
}
