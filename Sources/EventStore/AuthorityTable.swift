import Events
import Postgres

/// The database's copy of `EventAuthority.roles` (table `event_authority`, migration 5), which
/// the append path checks: `db migrate` makes it equal to the policy this build spells.
public enum AuthorityTable {
    /// One row per (event type, PostgreSQL group role), sorted.
    public static var policy: [Entry] {
        EventAuthority.roles.flatMap { type, roles in roles.map { Entry(type: type, role: $0.databaseRole) } }.sorted()
    }

    public struct Entry: Hashable, Comparable, Sendable {
        public let type: String
        public let role: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool { (lhs.type, lhs.role) < (rhs.type, rhs.role) }
    }

    /// The rows the database holds, sorted.
    public static func read(_ connection: Connection) throws -> [Entry] {
        try connection.query("SELECT type, role FROM event_authority ORDER BY type, role").rows.map {
            Entry(type: try $0.string("type"), role: try $0.string("role"))
        }
    }

    /// Rewrites the table when it differs from `policy` (in the caller's transaction); a
    /// database whose table already holds the policy is only read, so a role that may not
    /// write it can run `db migrate` on a current schema. Returns whether it wrote.
    @discardableResult
    static func sync(_ connection: Connection) throws -> Bool {
        let wanted = policy
        guard try read(connection) != wanted else { return false }
        try connection.execute("DELETE FROM event_authority")
        try connection.execute(
            "INSERT INTO event_authority (type, role) SELECT * FROM unnest($1::text[], $2::text[])",
            [wanted.map(\.type), wanted.map(\.role)])
        return true
    }
}
