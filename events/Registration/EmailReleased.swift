/// The holder let the address go (a cancelled registration), so it may register again.
public struct EmailReleased: DomainEvent, Equatable {
    public static let eventType = "EmailReleased"
    public let scope: String
    public let email: String
    public let holder: String

    public init(scope: String, email: String, holder: String) {
        self.scope = scope
        self.email = email
        self.holder = holder
    }
}
