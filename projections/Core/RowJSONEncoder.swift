import Foundation

/// Writes `Encodable` rows as JSON text the way `RowCoding.encoder` spells them (snake_case
/// keys, nil optionals left out, dates as ISO 8601) straight into bytes: no intermediate tree,
/// each key converted once. Keys come out in declaration order, not sorted: every reader parses
/// the text (`json_populate_recordset`, jsonb columns, `RowCoding.decoder`).
/// For plain Codable structs: a value opens at most one container, nothing uses `superEncoder`.
final class RowJSONEncoder {
    private(set) var bytes: [UInt8] = []
    /// The open containers: the byte that closes each, and whether it has an element yet.
    private var containers: [(closer: UInt8, isEmpty: Bool)] = []
    private var snakeKeys: [String: [UInt8]] = [:]

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends `value` (an element of the array being written, if any).
    func append<T: Encodable>(_ value: T) throws {
        if !containers.isEmpty { element(at: containers.count - 1) }
        try write(value)
    }

    /// Starts a JSON array; `append` its elements, then `closeArray`.
    func openArray() { open(UInt8(ascii: "["), closer: UInt8(ascii: "]")) }

    func closeArray() { close(above: -1) }

    func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        containers.removeAll(keepingCapacity: true)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Writing

    func write<T: Encodable>(_ value: T) throws {
        if let string = value as? String { return writeString(string) }
        if let date = value as? Date { return writeString(date.formatted(.iso8601)) }
        if let writable = value as? any RowJSONWritable { return writable.writeJSON(&bytes) }
        let depth = containers.count
        let start = bytes.count
        try value.encode(to: self)
        close(above: depth - 1)
        if bytes.count == start { bytes.append(contentsOf: "{}".utf8) }
    }

    func open(_ opener: UInt8, closer: UInt8) {
        bytes.append(opener)
        containers.append((closer, true))
    }

    /// Closes every container deeper than `depth`.
    func close(above depth: Int) {
        while containers.count > depth + 1 { bytes.append(containers.removeLast().closer) }
    }

    /// Before an element of the container at `depth`: closes deeper ones, writes the comma.
    func element(at depth: Int) {
        close(above: depth)
        if containers[depth].isEmpty {
            containers[depth].isEmpty = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
    }

    func key(_ key: some CodingKey, at depth: Int) {
        element(at: depth)
        let name = key.stringValue
        if name.utf8.allSatisfy(Self.isPlainKeyByte) {
            // Lowercase letters, digits and '_' are their own snake case and need no escape.
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: #"":"#.utf8)
        } else if let known = snakeKeys[name] {
            bytes.append(contentsOf: known)
        } else {
            var spelled: [UInt8] = []
            Self.appendString(Self.snakeCase(name), to: &spelled)
            spelled.append(UInt8(ascii: ":"))
            snakeKeys[name] = spelled
            bytes.append(contentsOf: spelled)
        }
    }

    private static func isPlainKeyByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    func writeString(_ string: String) { Self.appendString(string, to: &bytes) }

    func writeNumber(_ text: String) { bytes.append(contentsOf: text.utf8) }

    func writeDouble(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(value) is not valid JSON"))
        }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        writeNumber(text)
    }

    func writeLiteral(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as UTF-8.
    static func appendString(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var copy = string
        copy.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `lastChangedPosition` → `last_changed_position`, as `JSONEncoder.KeyEncodingStrategy
    /// .convertToSnakeCase` does it (a run of capitals is one word: `tokenURLHash` → `token_url_hash`).
    static func snakeCase(_ key: String) -> String {
        let characters = Array(key)
        guard characters.count > 1 else { return key }
        var words: [String] = []
        var word = String(characters[0])
        var index = 1
        while index < characters.count {
            let character = characters[index]
            if character.isUppercase {
                var end = index
                while end < characters.count, characters[end].isUppercase { end += 1 }
                if end == characters.count {
                    // Capitals to the end: one word (with the word before, if it started with one).
                    words.append(word)
                    word = String(characters[index..<end])
                    index = end
                    continue
                }
                words.append(word)
                if end - index > 1 {
                    // A run of capitals, then a lowercase letter: the run but its last is a word.
                    words.append(String(characters[index..<(end - 1)]))
                    word = String(characters[end - 1])
                    index = end
                    continue
                }
                word = String(character)
            } else {
                word.append(character)
            }
            index += 1
        }
        words.append(word)
        return words.map { $0.lowercased() }.joined(separator: "_")
    }
}

extension RowJSONEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(UInt8(ascii: "{"), closer: UInt8(ascii: "}"))
        return KeyedEncodingContainer(KeyedWriter<Key>(encoder: self, depth: containers.count - 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        open(UInt8(ascii: "["), closer: UInt8(ascii: "]"))
        return UnkeyedWriter(encoder: self, depth: containers.count - 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueWriter(encoder: self) }
}

/// A value that writes its own JSON, exactly as `RowJSONEncoder` spells it through Codable,
/// without Codable's containers (for the big documents a rebuild writes).
protocol RowJSONWritable {
    func writeJSON(_ out: inout [UInt8])
}
