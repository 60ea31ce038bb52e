import Foundation

/// One row of the log, as read back: the envelope plus the payload in canonical JSON.
public struct RecordedEvent: Sendable {
    public let position: Int64
    public let stream: StreamName
    public let version: Int
    public let type: String
    public let schema: Int
    /// The payload as JSON text (as stored; `CanonicalJSON.canonicalize` gives the hashed spelling).
    public let data: String
    /// The metadata as JSON text.
    public let meta: String
    /// When it was appended, in the canonical spelling the hash covers: `2026-10-14T13:00:05.123456Z`.
    public let instant: String
    public let hash: [UInt8]

    /// `instant` as a `Date` (microsecond precision may round in the last digit; use `instant` for exactness).
    public var recordedAt: Date { Instant.parse(instant) ?? Date(timeIntervalSince1970: 0) }

    public init(
        position: Int64, stream: StreamName, version: Int, type: String, schema: Int,
        data: String, meta: String, instant: String, hash: [UInt8]
    ) {
        self.position = position
        self.stream = stream
        self.version = version
        self.type = type
        self.schema = schema
        self.data = data
        self.meta = meta
        self.instant = instant
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
