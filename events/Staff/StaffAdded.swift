/// A staff login was created (or an existing PostgreSQL login adopted) with these roles of work.
/// The first one in a log, appended by `db migrate` for the login that installed citylab, is
/// the bootstrap: it holds every role. Stream `staff-<login>`.
public struct StaffAdded: DomainEvent, Equatable {
    public static let eventType = "StaffAdded"
    public let login: StaffLogin
    public let roles: [StaffRole]

    public init(login: StaffLogin, roles: [StaffRole]) {
        self.login = login
        self.roles = roles.sorted()
    }
}
