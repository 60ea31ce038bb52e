import Foundation

/// One row of the log, as read back: the envelope plus the payload in canonical JSON.
public struct RecordedEvent: Sendable {
    public let position: Int64
    public let stream: StreamName
    public let version: Int
    public let type: String
    public let schema: Int
    /// Canonical JSON of the payload (see events/README.md).
    public let data: String
    /// Canonical JSON of the metadata.
    public let meta: String
    public let recordedAt: Date
    public let hash: [UInt8]

    public init(
        position: Int64, stream: StreamName, version: Int, type: String, schema: Int,
        data: String, meta: String, recordedAt: Date, hash: [UInt8]
    ) {
        self.position = position
        self.stream = stream
        self.version = version
        self.type = type
        self.schema = schema
        self.data = data
        self.meta = meta
        self.recordedAt = recordedAt
        self.hash = hash
    }

    /// The typed payload, upcast to the current schema.
    public func decoded() throws -> any DomainEvent {
        try EventRegistry.decode(type: type, schema: schema, data: data)
    }

    public func metadata() throws -> EventMetadata {
        try CanonicalJSON.decode(EventMetadata.self, from: meta)
    }
}
