import Events

/// The staff aggregate (stream `staff-<login>`): one login's roles of work and whether it may
/// log in. PostgreSQL applies each of its events in the same transaction (a trigger on the
/// log), so the database's roles follow this fold exactly.
public enum StaffMember: Decider {
    public struct State: Sendable, Equatable {
        /// Whether the login was ever added.
        public var exists = false
        /// Whether it may log in (added and not disabled since).
        public var canLogIn = false
        /// The roles of work it holds now.
        public var roles: Set<StaffRole> = []

        public var isDisabled: Bool { exists && !canLogIn }

        public init(exists: Bool = false, canLogIn: Bool = false, roles: Set<StaffRole> = []) {
            (self.exists, self.canLogIn, self.roles) = (exists, canLogIn, roles)
        }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let added as StaffAdded:
            state.exists = true
            state.canLogIn = true
            state.roles = Set(added.roles)
        case let granted as StaffRoleGranted: state.roles.insert(granted.role)
        case let revoked as StaffRoleRevoked: state.roles.remove(revoked.role)
        case is StaffDisabled:
            state.canLogIn = false
            state.roles = []
        default: break
        }
        return state
    }

    // MARK: staff add

    public struct Add: Sendable, Equatable {
        public var login: StaffLogin
        public var roles: [StaffRole]
        public init(login: StaffLogin, roles: [StaffRole]) { (self.login, self.roles) = (login, roles) }
    }

    /// A new login, or one that was disabled, gets these roles (at least one; repeats count once).
    public static func decide(_ command: Add, _ state: State) throws(Rejection) -> [PendingEvent] {
        let roles = Array(Set(command.roles)).sorted()
        guard !roles.isEmpty else {
            throw Rejection("invalid-role", "a staff login needs at least one role", hint: "give --role \(roleList)")
        }
        if state.exists, state.canLogIn {
            throw Rejection(
                "staff-exists", "\(command.login) is already staff (roles: \(describe(state.roles)))",
                hint: "change its roles with 'citylab staff grant' or 'citylab staff revoke'")
        }
        return [PendingEvent(.staff(command.login), StaffAdded(login: command.login, roles: roles))]
    }

    // MARK: staff grant

    public struct Grant: Sendable, Equatable {
        public var login: StaffLogin
        public var role: StaffRole
        public init(login: StaffLogin, role: StaffRole) { (self.login, self.role) = (login, role) }
    }

    public static func decide(_ command: Grant, _ state: State) throws(Rejection) -> [PendingEvent] {
        try requireActive(command.login, state)
        if state.roles.contains(command.role) {
            throw Rejection(
                "role-held", "\(command.login) already holds the \(command.role.rawValue) role",
                hint: "nothing to do; 'citylab staff list' shows every login's roles")
        }
        return [PendingEvent(.staff(command.login), StaffRoleGranted(login: command.login, role: command.role))]
    }

    // MARK: staff revoke

    public struct Revoke: Sendable, Equatable {
        public var login: StaffLogin
        public var role: StaffRole
        public init(login: StaffLogin, role: StaffRole) { (self.login, self.role) = (login, role) }
    }

    public static func decide(_ command: Revoke, _ state: State) throws(Rejection) -> [PendingEvent] {
        try requireActive(command.login, state)
        guard state.roles.contains(command.role) else {
            throw Rejection(
                "role-not-held", "\(command.login) does not hold the \(command.role.rawValue) role (roles: \(describe(state.roles)))",
                hint: "nothing to do; 'citylab staff list' shows every login's roles")
        }
        return [PendingEvent(.staff(command.login), StaffRoleRevoked(login: command.login, role: command.role))]
    }

    // MARK: staff disable

    public struct Disable: Sendable, Equatable {
        public var login: StaffLogin
        public init(login: StaffLogin) { self.login = login }
    }

    /// The login can no longer log in and loses every role; `staff add` brings it back.
    public static func decide(_ command: Disable, _ state: State) throws(Rejection) -> [PendingEvent] {
        guard state.exists else { throw unknown(command.login) }
        guard state.canLogIn else {
            throw Rejection(
                "staff-disabled", "\(command.login) is already disabled",
                hint: "nothing to do; 'citylab staff add \(command.login) --role …' brings it back")
        }
        return [PendingEvent(.staff(command.login), StaffDisabled(login: command.login))]
    }

    // MARK: rules shared by the commands

    static func requireActive(_ login: StaffLogin, _ state: State) throws(Rejection) {
        guard state.exists else { throw unknown(login) }
        guard state.canLogIn else {
            throw Rejection(
                "staff-disabled", "\(login) is disabled", hint: "bring it back with 'citylab staff add \(login) --role …'")
        }
    }

    static func unknown(_ login: StaffLogin) -> Rejection {
        Rejection("unknown-staff", "\(login) is not staff", hint: "add it with 'citylab staff add \(login) --role …'")
    }

    /// `admin, organizer` or `none`, in the roles' order.
    public static func describe(_ roles: Set<StaffRole>) -> String {
        roles.isEmpty ? "none" : roles.sorted().map(\.rawValue).joined(separator: ", ")
    }

    /// Every role, as `--help` and refusals list them: `organizer|placements|desk|auditor|admin`.
    public static var roleList: String { StaffRole.allCases.map(\.rawValue).joined(separator: "|") }
}
