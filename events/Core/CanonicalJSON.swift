import Foundation

/// The canonical JSON spelling the hash chain covers (documented in events/README.md):
/// object keys sorted by their UTF-8 bytes, no insignificant white space, integers in
/// plain decimal, strings as UTF-8 with only `"`, `\` and control characters escaped
/// (`\b \f \n \r \t`, others as `\u00xx`). Python reproduces it with
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
public enum CanonicalJSON {
    public static func string(_ value: JSONValue) -> String {
        var out = CanonicalWriter()
        write(value, to: &out)
        return out.text
    }

    /// The object of `members` and one more member, `key`, whose value is `canonical`, text
    /// already in canonical JSON (a long array spelled without building a `JSONValue` first).
    public static func string(_ members: [String: JSONValue], adding key: String, canonical: String) -> String {
        var out = CanonicalWriter(capacity: canonical.utf8.count + 256)
        writeObject(members, adding: (key, canonical), to: &out)
        return out.text
    }

    /// A string value in canonical JSON: quoted, with `"`, `\` and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = CanonicalWriter(capacity: text.utf8.count + 2)
        out.string(text)
        return out.text
    }

    /// Encodes any `Encodable` (dates as ISO 8601 UTC) into canonical text, straight from its
    /// `encode(to:)` (`CanonicalEncoder`). Tests hold it equal to `encodeSlowly`.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try CanonicalEncoder.encode(value)
    }

    /// Foundation's JSONEncoder, then parse and re-spell: the reference tests hold `encode` to.
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

    static func write(_ value: JSONValue, to out: inout CanonicalWriter) {
        switch value {
        case .null: out.raw("null")
        case .bool(let b): out.raw(b ? "true" : "false")
        case .int(let i): out.raw(String(i))
        case .string(let s): out.string(s)
        case .array(let items):
            out.byte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                write(item, to: &out)
            }
            out.byte(UInt8(ascii: "]"))
        case .object(let members): writeObject(members, adding: nil, to: &out)
        }
    }

    /// An object's members in key order; `extra`, when given, is one more member (replacing a
    /// member of that name) whose value is already canonical text.
    private static func writeObject(
        _ members: [String: JSONValue], adding extra: (key: String, text: String)?, to out: inout CanonicalWriter
    ) {
        out.byte(UInt8(ascii: "{"))
        var keys = Array(members.keys)
        if let extra {
            keys.removeAll { $0 == extra.key }
            keys.append(extra.key)
        }
        keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.string(key)
            out.byte(UInt8(ascii: ":"))
            if let extra, key == extra.key {
                out.raw(extra.text)
            } else if let member = members[key] {
                write(member, to: &out)
            }
        }
        out.byte(UInt8(ascii: "}"))
    }
}
