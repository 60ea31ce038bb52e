import Events

/// The log's tamper evidence: `hash = SHA-256(previous hash ‖ canonical bytes)`, starting
/// from 32 zero bytes. The canonical bytes (events/README.md) are recomputable from a row
/// alone; PostgreSQL's `citylab_append` computes the same at append time.
public enum HashChain {
    public static let genesis = [UInt8](repeating: 0, count: 32)

    public static func canonicalText(_ event: RecordedEvent) throws -> String {
        let data = try CanonicalJSON.canonicalize(event.data)
        let meta = try CanonicalJSON.canonicalize(event.meta)
        return [
            "citylab-event-v1", String(event.position), event.stream.rawValue, String(event.version),
            event.type, String(event.schema), event.instant, data, meta,
        ].joined(separator: "\n")
    }

    public static func link(previous: [UInt8], _ event: RecordedEvent) throws -> [UInt8] {
        var hasher = SHA256()
        hasher.update(previous)
        hasher.update(Array(try canonicalText(event).utf8))
        return hasher.finalize()
    }
}
