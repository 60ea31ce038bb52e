/// An id that owns its prefix (`att_`, `ses_` …) and its parsing. Functions take these, never bare strings.
public protocol TypedID: Codable, Hashable, Sendable, CustomStringConvertible, Comparable {
    static var prefix: String { get }
    /// What the id names, for messages: "attendee", "session".
    static var noun: String { get }
    var rawValue: String { get }
    init(unchecked rawValue: String)
}

extension TypedID {
    public var description: String { rawValue }

    /// Accepts `<prefix><1–40 of a-z 0-9 - _>`; nil otherwise.
    public init?(_ text: String) {
        guard text.hasPrefix(Self.prefix) else { return nil }
        let rest = text.dropFirst(Self.prefix.count)
        guard (1...40).contains(rest.count), rest.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        self.init(unchecked: text)
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self.init(unchecked: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// An id from a random suffix supplied by the caller (the domain takes no randomness).
    public static func make(suffix: String) -> Self { Self(unchecked: prefix + suffix) }
}
