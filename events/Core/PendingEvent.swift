/// An event a decision wants appended, with the stream it belongs to.
public struct PendingEvent: Sendable {
    public let stream: StreamName
    public let event: any DomainEvent

    public init(_ stream: StreamName, _ event: any DomainEvent) {
        self.stream = stream
        self.event = event
    }

    /// The payload in canonical JSON, as the store keeps and hashes it.
    public func canonicalData() throws -> String { try CanonicalJSON.encode(event) }
}
