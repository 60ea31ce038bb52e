import Events

/// The log's tamper evidence: `hash = SHA-256(previous hash ‖ canonical bytes)`, starting
/// from 32 zero bytes. The canonical bytes (events/README.md) are recomputable from a row
/// alone. This is the one Swift spelling of them, used by the batch append path, `audit verify`
/// and the bench; PostgreSQL's `citylab_append` (sql/v001–v003, never edited once shipped)
/// keeps its own and computes the same bytes at append time.
public enum HashChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// Writes one event's canonical bytes into `bytes` (emptied first, its capacity kept, so a
    /// loop over many events reuses one buffer): nine fields joined by line feeds. `instant` is
    /// `recorded_at` in the canonical UTC spelling; `data` and `meta` are canonical JSON.
    public static func canonicalBytes(
        into bytes: inout [UInt8], position: Int64, stream: String, version: Int, type: String, schema: Int, instant: String,
        data: String, meta: String
    ) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: prefix)
        for field in [String(position), stream, String(version), type, String(schema), instant, data] {
            bytes.append(contentsOf: field.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        bytes.append(contentsOf: meta.utf8)
    }

    /// The next link: SHA-256 of the previous hash followed by an event's canonical bytes.
    public static func link(previous: [UInt8], canonical: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(previous)
        hasher.update(canonical)
        return hasher.finalize()
    }

    /// A stored event's canonical bytes as text, its payload and metadata canonicalized from
    /// the stored JSON (jsonb reorders keys). Throws when either is not citylab JSON.
    public static func canonicalText(_ event: RecordedEvent) throws -> String {
        var bytes: [UInt8] = []
        try canonicalBytes(into: &bytes, event)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The link after `previous` for a stored event.
    public static func link(previous: [UInt8], _ event: RecordedEvent) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try canonicalBytes(into: &bytes, event)
        return link(previous: previous, canonical: bytes)
    }

    private static func canonicalBytes(into bytes: inout [UInt8], _ event: RecordedEvent) throws {
        canonicalBytes(
            into: &bytes, position: event.position, stream: event.stream.rawValue, version: event.version, type: event.type,
            schema: event.schema, instant: event.instant, data: try CanonicalJSON.canonicalize(event.data),
            meta: try CanonicalJSON.canonicalize(event.meta))
    }

    private static let prefix = Array("citylab-event-v1\n".utf8)
}
