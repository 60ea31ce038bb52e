import Foundation

/// Content negotiation between JSON and HTML by the `Accept` header (RFC 9110 §12.5.1):
/// the most specific range decides each type's quality; the best quality wins, a tie goes
/// to the route's default, and nothing acceptable is a 406.
enum MediaPreference: Sendable, Equatable {
    case json, html

    var mediaType: (type: Substring, subtype: Substring) {
        switch self {
        case .json: ("application", "json")
        case .html: ("text", "html")
        }
    }

    /// The representation to send, or nil when the client accepts neither.
    static func choose(_ accept: String?, default preferred: MediaPreference) -> MediaPreference? {
        guard let accept, !accept.allSatisfy({ $0 == " " || $0 == "\t" }) else { return preferred }
        let ranges = parse(accept)
        if ranges.isEmpty { return preferred }
        let other: MediaPreference = preferred == .json ? .html : .json
        let first = quality(of: preferred, in: ranges)
        let second = quality(of: other, in: ranges)
        if first <= 0 && second <= 0 { return nil }
        return second > first ? other : preferred
    }

    private struct Range {
        let type: Substring
        let subtype: Substring
        let quality: Double
    }

    private static func parse(_ accept: String) -> [Range] {
        accept.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ";")
            guard let media = parts.first else { return nil }
            let names = media.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "/")
            guard names.count == 2, !names[0].isEmpty, !names[1].isEmpty else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q" {
                    guard let value = Double(pair[1]), (0...1).contains(value) else { return nil }
                    quality = value
                }
            }
            return Range(type: names[0], subtype: names[1], quality: quality)
        }
    }

    /// The quality of the most specific range matching `media` (0 when none matches).
    private static func quality(of media: MediaPreference, in ranges: [Range]) -> Double {
        let (type, subtype) = media.mediaType
        var best: (specificity: Int, quality: Double) = (0, 0)
        for range in ranges {
            let specificity: Int
            if range.type == type && range.subtype == subtype {
                specificity = 3
            } else if range.type == type && range.subtype == "*" {
                specificity = 2
            } else if range.type == "*" && range.subtype == "*" {
                specificity = 1
            } else {
                continue
            }
            if specificity > best.specificity || (specificity == best.specificity && range.quality > best.quality) {
                best = (specificity, range.quality)
            }
        }
        return best.quality
    }
}
