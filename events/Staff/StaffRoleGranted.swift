/// A staff login was given a role of work. Stream `staff-<login>`.
public struct StaffRoleGranted: DomainEvent, Equatable {
    public static let eventType = "StaffRoleGranted"
    public let login: StaffLogin
    public let role: StaffRole

    public init(login: StaffLogin, role: StaffRole) {
        self.login = login
        self.role = role
    }
}
