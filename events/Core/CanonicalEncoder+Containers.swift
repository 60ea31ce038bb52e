import Foundation

/// The `Encoder` handed to a value's `encode(to:)`: its containers write into the stream at
/// the value's depth.
struct CanonicalEncoding: Encoder {
    let stream: CanonicalEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CanonicalKeyed<Key>(stream: stream, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { CanonicalUnkeyed(stream: stream, depth: depth) }

    func singleValueContainer() -> any SingleValueEncodingContainer { CanonicalSingle(stream: stream, depth: depth) }
}

/// Declares the value an object when handed out. A nested container writes into an encoder of
/// its own (`CanonicalEncoder.nested`) at depth 0.
struct CanonicalKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: CanonicalEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    init(stream: CanonicalEncoder, depth: Int) {
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
        KeyedEncodingContainer(CanonicalKeyed<NestedKey>(stream: stream.nested(depth, key: key.stringValue), depth: 0))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CanonicalUnkeyed(stream: stream.nested(depth, key: key.stringValue), depth: 0)
    }
    mutating func superEncoder() -> any Encoder { CanonicalEncoding(stream: stream.nested(depth, key: "super"), depth: 0) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        CanonicalEncoding(stream: stream.nested(depth, key: key.stringValue), depth: 0)
    }
}

/// Declares the value an array when handed out; nested containers as for `Keyed`.
struct CanonicalUnkeyed: UnkeyedEncodingContainer {
    let stream: CanonicalEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(stream: CanonicalEncoder, depth: Int) {
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
        count += 1
        return KeyedEncodingContainer(CanonicalKeyed<NestedKey>(stream: stream.nested(depth, key: nil), depth: 0))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return CanonicalUnkeyed(stream: stream.nested(depth, key: nil), depth: 0)
    }
    mutating func superEncoder() -> any Encoder {
        count += 1
        return CanonicalEncoding(stream: stream.nested(depth, key: nil), depth: 0)
    }
}

struct CanonicalSingle: SingleValueEncodingContainer {
    let stream: CanonicalEncoder
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
