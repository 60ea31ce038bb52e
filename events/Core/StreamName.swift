/// A stream's name: `<category>-<id>`. Names are part of the storage contract.
public struct StreamName: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(category: String, id: String) { self.rawValue = "\(category)-\(id)" }

    public var description: String { rawValue }
    public var category: String { String(rawValue.prefix { $0 != "-" }) }

    public static func < (lhs: StreamName, rhs: StreamName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
