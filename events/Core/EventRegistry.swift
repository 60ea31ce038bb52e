/// Maps stored type names to Swift types, upcasting old payload schemas on the way.
public enum EventRegistry {
    public struct UnknownEvent: Error, CustomStringConvertible {
        public let type: String
        public let schema: Int
        public var description: String {
            "unknown event type '\(type)' (schema \(schema)): this build is older than the log; upgrade citylab"
        }
    }

    /// An upcaster turns a payload of `from` schema into the next schema's payload.
    public struct Upcaster: Sendable {
        public let type: String
        public let from: Int
        public let transform: @Sendable (JSONValue) throws -> JSONValue
        public init(type: String, from: Int, transform: @escaping @Sendable (JSONValue) throws -> JSONValue) {
            self.type = type
            self.from = from
            self.transform = transform
        }
    }

    private struct Entry: Sendable {
        let schema: Int
        let decode: @Sendable (String) throws -> any DomainEvent
    }

    private static let entries: [String: Entry] = {
        var map: [String: Entry] = [:]
        for type in EventCatalog.all {
            map[type.eventType] = Entry(schema: type.schema, decode: { try CanonicalJSON.decode(type, from: $0) })
        }
        return map
    }()

    private static let upcasters: [String: [Int: Upcaster]] = {
        var map: [String: [Int: Upcaster]] = [:]
        for upcaster in EventCatalog.upcasters { map[upcaster.type, default: [:]][upcaster.from] = upcaster }
        return map
    }()

    public static var knownTypes: [String] { entries.keys.sorted() }

    public static func decode(type: String, schema: Int, data: String) throws -> any DomainEvent {
        guard let entry = entries[type], schema <= entry.schema, schema >= 1 else {
            throw UnknownEvent(type: type, schema: schema)
        }
        if schema == entry.schema { return try entry.decode(data) }
        var value = try JSONParser.parse(data)
        for from in schema..<entry.schema {
            guard let upcaster = upcasters[type]?[from] else { throw UnknownEvent(type: type, schema: from) }
            value = try upcaster.transform(value)
        }
        return try entry.decode(CanonicalJSON.string(value))
    }
}
