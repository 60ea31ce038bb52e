/// A staff login can no longer log in, and holds no role of work. Stream `staff-<login>`.
public struct StaffDisabled: DomainEvent, Equatable {
    public static let eventType = "StaffDisabled"
    public let login: StaffLogin

    public init(login: StaffLogin) {
        self.login = login
    }
}
