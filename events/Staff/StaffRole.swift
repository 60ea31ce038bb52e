/// A role of work. Each is a PostgreSQL group role (`citylab_<rawValue>`) that staff logins are
/// members of; the database checks it on every append (see `EventAuthority`).
public enum StaffRole: String, Codable, Sendable, CaseIterable, Comparable {
    /// Editions, registrations, the program, agendas, imports.
    case organizer
    /// Scholars, openings, placements.
    case placements
    /// Check-in at the door and the desk, nothing else.
    case desk
    /// Reads the log and the read models, runs every `audit` command; writes nothing.
    case auditor
    /// Staff logins and their roles, and migrations.
    case admin

    /// The PostgreSQL group role, prefixed so it lives beside other applications on one server.
    public var databaseRole: String { "citylab_" + rawValue }

    /// The role a PostgreSQL group role name stands for; nil for any other name.
    public init?(databaseRole: String) {
        guard databaseRole.hasPrefix("citylab_") else { return nil }
        self.init(rawValue: String(databaseRole.dropFirst("citylab_".count)))
    }

    public static func < (lhs: StaffRole, rhs: StaffRole) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
