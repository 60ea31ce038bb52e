import Postgres

/// Applies migrations in order, each in its own transaction under an advisory lock, and
/// records them in `citylab_migrations`. Running it twice changes nothing.
public enum Migrator {
    /// The event store's own migrations; projections add theirs after these.
    public static let eventStore: [Migration] = [
        Migration(version: 1, name: "event store", bytes: PackageResources.v001_event_store_sql),
        Migration(version: 2, name: "leaner append", bytes: PackageResources.v002_leaner_append_sql),
        Migration(version: 3, name: "one-statement append", bytes: PackageResources.v003_one_statement_append_sql),
        Migration(version: 4, name: "generic append plans", bytes: PackageResources.v004_generic_append_plans_sql),
        Migration(version: 5, name: "roles and authority", bytes: PackageResources.v005_roles_and_authority_sql),
        Migration(version: 6, name: "staff logins", bytes: PackageResources.v006_staff_logins_sql),
        Migration(version: 7, name: "staff adopts logins only", bytes: PackageResources.v007_staff_adopts_logins_only_sql),
        Migration(version: 8, name: "staff logins server-wide", bytes: PackageResources.v008_staff_logins_server_wide_sql),
        Migration(version: 9, name: "batch append in one call", bytes: PackageResources.v009_batch_append_in_one_call_sql),
    ]

    public struct Status: Sendable, Equatable {
        public let applied: Int?
        public let expected: Int
        /// Versions this build knows that the database has not applied (a later one may have
        /// been applied: migration 2 came after the read models' 100s).
        public var missing: [Int] = []
        public var isMissing: Bool { applied == nil }
        public var isBehind: Bool { isMissing || !missing.isEmpty }
    }

    /// Applies what is missing; returns the versions applied now.
    @discardableResult
    public static func migrate(_ connection: Connection, _ migrations: [Migration]) throws -> [Int] {
        try connection.execute("SET client_min_messages = warning")
        var applied: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) {
            let didApply = try connection.transaction { () throws -> Bool in
                try connection.execute("SELECT pg_advisory_xact_lock(7243001)")
                try connection.simpleQuery(
                    """
                    CREATE TABLE IF NOT EXISTS citylab_migrations (
                        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """)
                let done = try connection.query("SELECT 1 FROM citylab_migrations WHERE version = $1", [migration.version])
                guard done.rows.isEmpty else { return false }
                try connection.simpleQuery(migration.sql)
                try connection.execute(
                    "INSERT INTO citylab_migrations (version, name) VALUES ($1, $2)", [migration.version, migration.name])
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        // The authority table follows the policy this build spells (EventAuthority), also when
        // no migration was missing: a new event type needs no migration of its own.
        try connection.transaction {
            try connection.execute("SELECT pg_advisory_xact_lock(7243001)")
            if try connection.query("SELECT to_regclass('event_authority') IS NOT NULL AS present").rows.first?.bool("present") == true {
                try AuthorityTable.sync(connection)
            }
        }
        return applied
    }

    /// Where the database stands against the migrations this build knows.
    public static func status(_ connection: Connection, _ migrations: [Migration]) throws -> Status {
        let expected = migrations.map(\.version).max() ?? 0
        let exists = try connection.query("SELECT to_regclass('citylab_migrations') IS NOT NULL AS present")
        guard try exists.rows.first?.bool("present") == true else { return Status(applied: nil, expected: expected) }
        var done = Set<Int>()
        for row in try connection.query("SELECT version FROM citylab_migrations").rows { done.insert(try row.int("version")) }
        let missing = migrations.map(\.version).filter { !done.contains($0) }.sorted()
        return Status(applied: done.max() ?? 0, expected: expected, missing: missing)
    }
}
