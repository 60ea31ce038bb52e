/// RFC 5545 content lines: `NAME:value` ending in CRLF, folded at 75 octets with a leading
/// space on continuation lines, never inside a UTF-8 sequence; TEXT values escaped.
struct ICalendarWriter {
    private(set) var bytes: [UInt8] = []

    static let lineLimit = 75

    /// A property whose value is already in its final form (dates, numbers, keywords).
    mutating func raw(_ name: String, _ value: String) {
        Self.fold(Array((name + ":" + value).utf8), into: &bytes)
    }

    /// A TEXT property, escaped.
    mutating func text(_ name: String, _ value: String) {
        raw(name, Self.escape(value))
    }

    /// RFC 5545 §3.3.11: backslash, semicolon, comma and newlines escaped; other control
    /// characters (which TEXT cannot hold) dropped.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends `line` folded: at most 75 octets per physical line (the continuation's leading
    /// space included), breaking only before a byte that starts a UTF-8 sequence.
    static func fold(_ line: [UInt8], into out: inout [UInt8]) {
        var start = 0
        var limit = lineLimit
        while line.count - start > limit {
            var end = start + limit
            while end > start, line[end] & 0xC0 == 0x80 { end -= 1 }
            out.append(contentsOf: line[start..<end])
            out.append(contentsOf: [13, 10, 32])
            start = end
            limit = lineLimit - 1
        }
        out.append(contentsOf: line[start...])
        out.append(contentsOf: [13, 10])
    }

    /// `2026-10-14T15:00:00Z` or `2026-10-14T15:00:00.123456Z` → `20261014T150000Z` (UTC
    /// DATE-TIME, fractions dropped); nil when `instant` is not in that form.
    static func utc(_ instant: String) -> String? {
        let chars = Array(instant.utf8)
        guard chars.count >= 20, chars.last == UInt8(ascii: "Z"), chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
            chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":")
        else { return nil }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18].map { chars[$0] }
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let text = String(decoding: digits, as: UTF8.self)
        return String(text.prefix(8)) + "T" + String(text.dropFirst(8)) + "Z"
    }
}
