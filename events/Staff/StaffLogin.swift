/// A staff member's PostgreSQL login role name, e.g. `ana` or `diana.rodriguez`. Typed so that a
/// login is never confused with an actor ("on behalf of") or a role of work.
public struct StaffLogin: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts 1–63 bytes of ASCII letters, digits, `_`, `.`, `-` and `@`, not starting with a
    /// reserved prefix (`pg_`, `citylab_`); nil otherwise. Quote it as an identifier in SQL.
    public init?(_ text: String) {
        guard (1...63).contains(text.utf8.count),
            text.utf8.allSatisfy({ Self.allowed($0) }),
            !Self.reservedPrefixes.contains(where: { text.lowercased().hasPrefix($0) })
        else { return nil }
        rawValue = text
    }

    /// A login as the database reported it (`session_user`); not validated.
    public init(unchecked rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static let reservedPrefixes = ["pg_", "citylab_"]

    public static func < (lhs: StaffLogin, rhs: StaffLogin) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func allowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
