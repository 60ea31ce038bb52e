import Foundation

/// The fast path of `CanonicalEncoder`: one byte buffer and no object per value. A value's
/// members are written where they fall, each key before its value; when the value's
/// `encode(to:)` returns, its members are put in key order in place and the braces, colons and
/// commas written. Arrays and single values are written straight through.
///
/// Payloads are plain Codable structs, so that is all it takes. Anything that could interleave
/// two containers (nested containers, super encoders, a container used while another value
/// is open, one value asking for two kinds of container, a key given twice) throws `Fallback`,
/// and `CanonicalEncoder` starts again with its general encoder, which the tests hold this one to.
final class CanonicalStreamEncoder {
    /// This encoder cannot write the value as the general one would: use that one.
    struct Fallback: Error {}

    private struct Member {
        /// The quoted key starts here; its value at `valueStart`, ending at the next member or the frame's end.
        let keyStart: Int
        let valueStart: Int
    }

    private enum Kind {
        case pending
        case object(firstMember: Int)
        case array(count: Int)
        case single(written: Bool)
    }

    private struct Frame {
        var kind: Kind
        let start: Int
    }

    // One encoding is one thread's synchronous call chain: the runtime's exclusivity checks on
    // these (a quarter of the time) guard against nothing.
    @exclusivity(unchecked) private var out = CanonicalWriter(capacity: 512)
    @exclusivity(unchecked) private var frames: [Frame] = []
    @exclusivity(unchecked) private var members: [Member] = []
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    /// An object's members while it is closed (objects close one at a time, innermost first).
    @exclusivity(unchecked) private var spans: [Span] = []

    /// Offsets into `scratch`: the quoted key, then its value.
    private struct Span {
        let keyStart: Int, valueStart: Int, valueEnd: Int
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = CanonicalStreamEncoder()
        encoder.frames.reserveCapacity(8)
        encoder.members.reserveCapacity(32)
        try encoder.value(value)
        return encoder.out.text
    }

    /// Writes one value: the common leaves directly, anything else through its `encode(to:)`.
    func value<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let text = value as? String {
            out.string(text)
        } else if T.self == Int.self, let number = value as? Int {
            out.raw(String(number))
        } else if T.self == Date.self, let date = value as? Date {
            out.string(CanonicalDate.format(date))
        } else if T.self == Double.self || T.self == Float.self || T.self == Decimal.self {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "canonical JSON holds no fractions"))
        } else {
            let depth = frames.count
            frames.append(Frame(kind: .pending, start: out.bytes.count))
            try value.encode(to: Encoding(stream: self, depth: depth))
            try close(depth)
        }
    }

    private func close(_ depth: Int) throws {
        guard !unsupported, depth == frames.count - 1, let frame = frames.popLast() else { throw Fallback() }
        switch frame.kind {
        case .pending, .single(written: false):
            throw EncodingError.invalidValue("", EncodingError.Context(codingPath: [], debugDescription: "a value encoded nothing"))
        case .single(written: true):
            break
        case .array:
            out.byte(UInt8(ascii: "]"))
        case .object(let first):
            try closeObject(from: first, start: frame.start)
        }
    }

    /// The members since `first`, as written (key, value, key, value…), rewritten in key order
    /// with the punctuation.
    private func closeObject(from first: Int, start: Int) throws {
        let end = out.bytes.count
        spans.removeAll(keepingCapacity: true)
        for index in first..<members.count {
            let member = members[index]
            let valueEnd = index + 1 < members.count ? members[index + 1].keyStart : end
            spans.append(Span(keyStart: member.keyStart - start, valueStart: member.valueStart - start, valueEnd: valueEnd - start))
        }
        members.removeSubrange(first...)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: out.bytes[start..<end])
        // Quoted keys compare as the keys do: `key` lets through none that is escaped or holds a
        // byte below the closing quote's.
        let duplicate = scratch.withUnsafeBufferPointer { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            func order(_ a: Span, _ b: Span) -> Int32 {
                let (lengthA, lengthB) = (a.valueStart - a.keyStart, b.valueStart - b.keyStart)
                let common = memcmp(base + a.keyStart, base + b.keyStart, min(lengthA, lengthB))
                return common != 0 ? common : Int32(lengthA - lengthB)
            }
            spans.sort { order($0, $1) < 0 }
            return spans.indices.dropFirst().contains { order(spans[$0 - 1], spans[$0]) == 0 }
        }
        if duplicate { throw Fallback() }
        out.bytes.removeSubrange(start...)
        out.byte(UInt8(ascii: "{"))
        for (index, span) in spans.enumerated() {
            if index > 0 { out.byte(UInt8(ascii: ",")) }
            out.bytes.append(contentsOf: scratch[span.keyStart..<span.valueStart])
            out.byte(UInt8(ascii: ":"))
            out.bytes.append(contentsOf: scratch[span.valueStart..<span.valueEnd])
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// A container asked for where it cannot be written in place: `close` throws `Fallback`.
    @exclusivity(unchecked) private var unsupported = false

    /// A keyed container was asked for: the value is an object (`{}` if no member follows).
    fileprivate func openObject(_ depth: Int) {
        guard depth >= 0, depth == frames.count - 1 else {
            unsupported = true
            return
        }
        switch frames[depth].kind {
        case .pending: frames[depth].kind = .object(firstMember: members.count)
        case .object: break
        default: unsupported = true
        }
    }

    fileprivate func key(_ key: String, _ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1, case .object = frames[depth].kind else { throw Fallback() }
        var key = key
        // Property names, in practice; a key that would be escaped or sort by its quote goes
        // to the general encoder.
        let plain = key.withUTF8 { $0.allSatisfy { $0 > UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } }
        guard plain else { throw Fallback() }
        let keyStart = out.bytes.count
        out.string(key)
        members.append(Member(keyStart: keyStart, valueStart: out.bytes.count))
    }

    /// An unkeyed container was asked for: the value is an array (`[]` if no element follows).
    fileprivate func openArray(_ depth: Int) {
        guard depth >= 0, depth == frames.count - 1 else {
            unsupported = true
            return
        }
        switch frames[depth].kind {
        case .pending:
            frames[depth].kind = .array(count: 0)
            out.byte(UInt8(ascii: "["))
        case .array: break
        default: unsupported = true
        }
    }

    fileprivate func element(_ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1, case .array(let count) = frames[depth].kind else { throw Fallback() }
        if count > 0 { out.byte(UInt8(ascii: ",")) }
        frames[depth].kind = .array(count: count + 1)
    }

    fileprivate func single(_ depth: Int) throws {
        guard depth >= 0, depth == frames.count - 1 else { throw Fallback() }
        switch frames[depth].kind {
        case .pending: frames[depth].kind = .single(written: true)
        default: throw Fallback()
        }
    }

    fileprivate func raw(_ text: String) { out.raw(text) }
}

/// The `Encoder` handed to a value's `encode(to:)`: its containers write into the stream at
/// the value's depth.
private struct Encoding: Encoder {
    let stream: CanonicalStreamEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Keyed<Key>(stream: stream, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(stream: stream, depth: depth) }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(stream: stream, depth: depth) }
}

/// Declares the value an object when handed out; depth -1 (a nested container) makes the
/// whole encoding fall back.
private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: CanonicalStreamEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    init(stream: CanonicalStreamEncoder, depth: Int) {
        self.stream = stream
        self.depth = depth
        stream.openObject(depth)
    }

    private func member(_ key: Key) throws { try stream.key(key.stringValue, depth) }

    mutating func encodeNil(forKey key: Key) throws {
        try member(key)
        stream.raw("null")
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try member(key)
        stream.raw(value ? "true" : "false")
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try member(key)
        try stream.value(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        try member(key)
        stream.raw(String(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try member(key)
        stream.raw(String(value))
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try member(key)
        try stream.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        KeyedEncodingContainer(Keyed<NestedKey>(stream: stream, depth: -1))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { Unkeyed(stream: stream, depth: -1) }
    mutating func superEncoder() -> any Encoder { Encoding(stream: stream, depth: -1) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { Encoding(stream: stream, depth: -1) }
}

/// Declares the value an array when handed out; depth -1 as for `Keyed`.
private struct Unkeyed: UnkeyedEncodingContainer {
    let stream: CanonicalStreamEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: CanonicalStreamEncoder, depth: Int) {
        self.stream = stream
        self.depth = depth
        stream.openArray(depth)
    }

    private mutating func element() throws {
        try stream.element(depth)
        count += 1
    }

    mutating func encodeNil() throws {
        try element()
        stream.raw("null")
    }
    mutating func encode(_ value: String) throws {
        try element()
        try stream.value(value)
    }
    mutating func encode(_ value: Int) throws {
        try element()
        stream.raw(String(value))
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try element()
        try stream.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(Keyed<NestedKey>(stream: stream, depth: -1))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { Unkeyed(stream: stream, depth: -1) }
    mutating func superEncoder() -> any Encoder { Encoding(stream: stream, depth: -1) }
}

private struct Single: SingleValueEncodingContainer {
    let stream: CanonicalStreamEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    private func number<Integer: BinaryInteger>(_ value: Integer) throws {
        try stream.single(depth)
        stream.raw(String(value))
    }

    mutating func encodeNil() throws {
        try stream.single(depth)
        stream.raw("null")
    }
    mutating func encode(_ value: Bool) throws {
        try stream.single(depth)
        stream.raw(value ? "true" : "false")
    }
    mutating func encode(_ value: String) throws {
        try stream.single(depth)
        try stream.value(value)
    }
    mutating func encode(_ value: Int) throws { try number(value) }
    mutating func encode(_ value: Int8) throws { try number(value) }
    mutating func encode(_ value: Int16) throws { try number(value) }
    mutating func encode(_ value: Int32) throws { try number(value) }
    mutating func encode(_ value: Int64) throws { try number(value) }
    mutating func encode(_ value: UInt) throws { try number(value) }
    mutating func encode(_ value: UInt8) throws { try number(value) }
    mutating func encode(_ value: UInt16) throws { try number(value) }
    mutating func encode(_ value: UInt32) throws { try number(value) }
    mutating func encode(_ value: UInt64) throws { try number(value) }
    mutating func encode(_ value: Double) throws { try stream.value(value) }
    mutating func encode(_ value: Float) throws { try stream.value(value) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try stream.single(depth)
        try stream.value(value)
    }
}
