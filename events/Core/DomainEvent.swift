/// A fact in the log. The stored type name and the payload's field names are a storage
/// contract: never renamed. A changed payload gets a new `schema` and an upcaster.
public protocol DomainEvent: Codable, Sendable {
    /// The name stored in `events.type`, e.g. "AttendeeRegistered".
    static var eventType: String { get }
    /// The payload version this type writes; older ones are upcast when read.
    static var schema: Int { get }
}

extension DomainEvent {
    public static var schema: Int { 1 }
    public var eventType: String { Self.eventType }
}
