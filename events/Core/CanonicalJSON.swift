import Foundation

/// The canonical JSON spelling the hash chain covers (documented in events/README.md):
/// object keys sorted by their UTF-8 bytes, no insignificant white space, integers in
/// plain decimal, strings as UTF-8 with only `"`, `\` and control characters escaped
/// (`\b \f \n \r \t`, others as `\u00xx`). Python reproduces it with
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
public enum CanonicalJSON {
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    /// Encodes any `Encodable` (dates as ISO 8601 UTC) into canonical text.
    ///
    /// Fast path: `JSONEncoder` with sorted keys and unescaped slashes already writes our
    /// canonical form for ASCII keys, integers and strings without `\u` escapes. Output with a
    /// `\u` escape (control characters) takes the slow path: parse and re-spell. Tests hold the
    /// two paths equal.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let data = try fastEncoder.encode(value)
        let text = String(decoding: data, as: UTF8.self)
        return text.utf8.contains(UInt8(ascii: "\\")) && text.contains("\\u") ? string(try JSONParser.parse(text)) : text
    }

    /// The parse-and-re-spell path, for tests that hold `encode`'s fast path to it.
    public static func encodeSlowly<T: Encodable>(_ value: T) throws -> String {
        string(try JSONParser.parse(String(decoding: try fastEncoder.encode(value), as: UTF8.self)))
    }

    private static var fastEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Re-spells any JSON text (for example PostgreSQL's `jsonb` output) canonically.
    public static func canonicalize(_ text: String) throws -> String {
        string(try JSONParser.parse(text))
    }

    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: Data(text.utf8))
    }

    private static func write(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .string(let s): writeString(s, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out += "," }
                writeString(key, to: &out)
                out += ":"
                if let member = members[key] { write(member, to: &out) }
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += "\""
        // Fast path: nothing to escape, copy the string whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
