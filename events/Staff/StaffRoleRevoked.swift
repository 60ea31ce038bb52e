/// A staff login lost a role of work. Stream `staff-<login>`.
public struct StaffRoleRevoked: DomainEvent, Equatable {
    public static let eventType = "StaffRoleRevoked"
    public let login: StaffLogin
    public let role: StaffRole

    public init(login: StaffLogin, role: StaffRole) {
        self.login = login
        self.role = role
    }
}
