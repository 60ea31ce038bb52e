/// A conference edition's id: a lowercase slug chosen by the organizer, e.g. `citylab-2026`.
public struct ConferenceID: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    /// 2–63 characters of a-z, 0-9 and '-', starting with a letter or digit.
    public init?(_ text: String) {
        guard (2...63).contains(text.count), let first = text.first, first.isASCII, first.isLetter || first.isNumber,
            text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
        else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }
    public static func < (lhs: ConferenceID, rhs: ConferenceID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(String.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
