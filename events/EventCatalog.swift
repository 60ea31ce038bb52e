/// Every event type citylab has ever written, and the upcasters between payload schemas.
/// Add a type here when you add its file; never remove one (old logs must decode forever).
public enum EventCatalog {
    public static let all: [any DomainEvent.Type] = registration

    static let registration: [any DomainEvent.Type] = [
        ConferenceOpened.self, AttendeeRegistered.self, EmailClaimed.self, EmailReleased.self,
    ]

    public static let upcasters: [EventRegistry.Upcaster] = []
}
