import Events

/// Replays the staff events in log order to know which roles each login held at each position,
/// and checks every event was appended by a login holding a role `EventAuthority` allows for
/// its type (staff events need admin). Pure: fed events in position order, no I/O.
///
/// The first `StaffAdded` of the log, when it holds every role, is the bootstrap (the login that
/// installed citylab) and is accepted whoever appended it. Events without a login written before
/// the first one with a login are counted as unauthenticated, not failures; a missing login after
/// that is a finding. A role granted outside citylab leaves no event, so the log does not know
/// it: the events it allowed are findings, which is the point.
public struct AuthorityReplay: Sendable {
    public private(set) var roles: [StaffLogin: Set<StaffRole>] = [:]
    /// Events without a login before the first one with a login.
    public private(set) var unauthenticated = 0
    public private(set) var findings: [AuditFinding] = []
    /// The position of the first event with a login, once seen.
    public private(set) var firstAuthenticated: Int64?
    /// Events by each database superuser that no staff event ever named: their authority is the
    /// server's, outside citylab's roles, so they are shown, not failures (and only a kept head
    /// vouches for them).
    public private(set) var bySuperusers: [StaffLogin: Int] = [:]
    private var sawStaffAdded = false
    /// Every login a staff event named.
    private var staff: Set<StaffLogin> = []
    private let superusers: Set<StaffLogin>

    /// `superusers`: the logins the server holds as superusers (`pg_roles.rolsuper`), e.g. the
    /// embedded cluster's `citylab_superuser` that tests and the installer connect as.
    public init(superusers: Set<StaffLogin> = []) {
        self.superusers = superusers
    }

    /// Checks one event and applies it if it is a staff event that was allowed. `event` is the
    /// decoded payload (nil when it could not be read: then only its type is checked).
    public mutating func apply(position: Int64, type: String, login: StaffLogin?, event: (any DomainEvent)?) {
        if let added = event as? StaffAdded, !sawStaffAdded {
            sawStaffAdded = true
            if Set(added.roles) == Set(StaffRole.allCases) {
                // The bootstrap: whoever installed citylab holds every role, whoever appended it.
                roles[added.login] = Set(added.roles)
                staff.insert(added.login)
                if login == nil, firstAuthenticated == nil { unauthenticated += 1 }
                if login != nil, firstAuthenticated == nil { firstAuthenticated = position }
                return
            }
        }
        guard let login else {
            if let first = firstAuthenticated {
                findings.append(
                    AuditFinding(
                        .authority, position: position, type: type, login: nil,
                        reason: "no login recorded, although every event since position \(first) has one: not appended by citylab"))
            } else {
                unauthenticated += 1
            }
            return
        }
        if firstAuthenticated == nil { firstAuthenticated = position }
        let allowed = EventAuthority.roles(for: type)
        let held = roles[login] ?? []
        guard !allowed.isDisjoint(with: held) else {
            if superusers.contains(login), !staff.contains(login) {
                bySuperusers[login, default: 0] += 1
                evolve(event)
                return
            }
            let needs =
                allowed.isEmpty ? "no role may append this type" : "needs " + allowed.sorted().map(\.rawValue).joined(separator: " or ")
            let holds = held.isEmpty ? "held no role" : "held only " + held.sorted().map(\.rawValue).joined(separator: ", ")
            findings.append(AuditFinding(.authority, position: position, type: type, login: login, reason: "\(login) \(holds) (\(needs))"))
            return
        }
        evolve(event)
    }

    private mutating func evolve(_ event: (any DomainEvent)?) {
        switch event {
        case let added as StaffAdded:
            roles[added.login, default: []].formUnion(added.roles)
            staff.insert(added.login)
        case let granted as StaffRoleGranted:
            roles[granted.login, default: []].insert(granted.role)
            staff.insert(granted.login)
        case let revoked as StaffRoleRevoked: roles[revoked.login]?.remove(revoked.role)
        case let disabled as StaffDisabled: roles[disabled.login] = nil
        default: break
        }
    }
}
