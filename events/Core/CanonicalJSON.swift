import Foundation

/// The canonical JSON spelling the hash chain covers (documented in events/README.md):
/// object keys sorted by their UTF-8 bytes, no insignificant white space, integers in
/// plain decimal, strings as UTF-8 with only `"`, `\` and control characters escaped
/// (`\b \f \n \r \t`, others as `\u00xx`). Python reproduces it with
/// `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
/// The entry points: `CanonicalEncoder` spells Encodable values, `CanonicalWriter` the bytes
/// (and a `JSONValue`, which the encoder also takes as a leaf).
public enum CanonicalJSON {
    public static func string(_ value: JSONValue) -> String {
        var out = CanonicalWriter()
        out.json(value)
        return out.text
    }

    /// The object of `members` and one more member, `key`, whose value is `canonical`, text
    /// already in canonical JSON (a long array spelled without building a `JSONValue` first).
    public static func string(_ members: [String: JSONValue], adding key: String, canonical: String) -> String {
        var out = CanonicalWriter(capacity: canonical.utf8.count + 256)
        out.object(members, adding: (key, canonical))
        return out.text
    }

    /// A string value in canonical JSON: quoted, with `"`, `\` and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = CanonicalWriter(capacity: text.utf8.count + 2)
        out.string(text)
        return out.text
    }

    /// Encodes an `Encodable` (dates as ISO 8601 UTC) into canonical text, straight from its
    /// `encode(to:)` (`CanonicalEncoder`, the one encoder). Tests hold it equal to `encodeSlowly`.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        try CanonicalEncoder.encode(value)
    }

    /// An `Encodable` as the `JSONValue` its canonical text parses to (a typed command result
    /// becoming the stored result object).
    public static func value<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(try encode(value))
    }

    /// Foundation's JSONEncoder, then parse and re-spell: the reference the tests hold `encode`
    /// to. Not used to write anything.
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
}
