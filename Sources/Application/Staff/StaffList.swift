import Domain
import EventStore
import Events
import Foundation

/// `staff list`: every login the log holds as staff, replayed from its staff events (a handful
/// per login, so no read model), with who changed it last and when.
public enum StaffList {
    public struct Entry: Sendable, Equatable {
        public let login: StaffLogin
        public let roles: [StaffRole]
        public let canLogIn: Bool
        /// The last change: its event type, position, instant, and who appended it (the
        /// authenticated login when recorded, else the actor).
        public let lastChange: String
        public let lastPosition: Int64
        public let lastAt: String
        public let lastBy: String
        /// The actor ("on behalf of") of the last change, when it differs from `lastBy`.
        public let onBehalfOf: String?
        /// What PostgreSQL says now, when it differs from the log (a change made outside
        /// citylab, e.g. by a superuser); nil when they agree.
        public var drift: Drift? = nil
    }

    /// A login's roles of work and login right as PostgreSQL has them (no role: nil roles).
    public struct Drift: Sendable, Equatable {
        public let exists: Bool
        public let roles: [StaffRole]
        public let canLogIn: Bool
    }

    public static func entries(_ store: EventStore) throws -> [Entry] {
        let types = [StaffAdded.eventType, StaffRoleGranted.eventType, StaffRoleRevoked.eventType, StaffDisabled.eventType]
        var states: [StaffLogin: StaffMember.State] = [:]
        var last: [StaffLogin: RecordedEvent] = [:]
        for recorded in try store.read(types: types) {
            let event = try recorded.decoded()
            guard let login = login(of: event) else { continue }
            states[login] = StaffMember.evolve(states[login] ?? StaffMember.initialState, event)
            last[login] = recorded
        }
        let database = try databaseRoles(store, logins: states.keys.map(\.rawValue))
        return try states.keys.sorted().compactMap { login in
            guard let state = states[login], let recorded = last[login] else { return nil }
            let meta = try recorded.metadata()
            let by = meta.login?.rawValue ?? meta.actor
            var entry = Entry(
                login: login, roles: state.roles.sorted(), canLogIn: state.canLogIn, lastChange: recorded.type,
                lastPosition: recorded.position, lastAt: recorded.instant, lastBy: by,
                onBehalfOf: meta.login != nil && meta.actor != by ? meta.actor : nil)
            let actual = database[login.rawValue] ?? Drift(exists: false, roles: [], canLogIn: false)
            if actual.roles != entry.roles || actual.canLogIn != entry.canLogIn { entry.drift = actual }
            return entry
        }
    }

    /// Each login's roles of work and login right in PostgreSQL (superusers count as able to log in).
    static func databaseRoles(_ store: EventStore, logins: [String]) throws -> [String: Drift] {
        let rows = try store.connection.query(
            """
            SELECT u.rolname AS login, u.rolcanlogin AS can_log_in,
                   coalesce(string_agg(g.rolname, ',' ORDER BY g.rolname), '') AS groups
            FROM pg_roles u
            LEFT JOIN pg_auth_members m ON m.member = u.oid
            LEFT JOIN pg_roles g ON g.oid = m.roleid AND g.rolname LIKE 'citylab\\_%'
            WHERE u.rolname = ANY($1)
            GROUP BY u.rolname, u.rolcanlogin
            """, [logins])
        var found: [String: Drift] = [:]
        for row in rows.rows {
            let groups = try row.string("groups").split(separator: ",").compactMap { StaffRole(databaseRole: String($0)) }
            found[try row.string("login")] = Drift(exists: true, roles: groups.sorted(), canLogIn: try row.bool("can_log_in"))
        }
        return found
    }

    static func login(of event: any DomainEvent) -> StaffLogin? {
        switch event {
        case let added as StaffAdded: return added.login
        case let granted as StaffRoleGranted: return granted.login
        case let revoked as StaffRoleRevoked: return revoked.login
        case let disabled as StaffDisabled: return disabled.login
        default: return nil
        }
    }
}

extension StaffList.Entry {
    /// One `--json` member of `staff`.
    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "login": .string(login.rawValue), "roles": .array(roles.map { .string($0.rawValue) }), "can_log_in": .bool(canLogIn),
            "last_change": .object([
                "type": .string(lastChange), "position": .int(lastPosition), "at": .string(lastAt), "by": .string(lastBy),
            ]),
        ]
        if let drift {
            members["database"] = .object([
                "exists": .bool(drift.exists), "roles": .array(drift.roles.map { .string($0.rawValue) }),
                "can_log_in": .bool(drift.canLogIn),
            ])
        }
        if let onBehalfOf, case .object(var change)? = members["last_change"] {
            change["on_behalf_of"] = .string(onBehalfOf)
            members["last_change"] = .object(change)
        }
        return .object(members)
    }
}
