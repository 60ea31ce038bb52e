/// An address became held by an attendee (or scholar) within a scope: the reservation
/// behind "one active registration per email per edition".
public struct EmailClaimed: DomainEvent, Equatable {
    public static let eventType = "EmailClaimed"
    public let scope: String
    public let email: String
    public let holder: String

    public init(scope: String, email: String, holder: String) {
        self.scope = scope
        self.email = email
        self.holder = holder
    }
}
