import Foundation

/// An object being written; `depth` is its place on the encoder's stack of open containers.
struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: RowJSONEncoder
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        encoder.key(key, at: depth)
        encoder.writeLiteral("null")
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        encoder.key(key, at: depth)
        encoder.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        encoder.key(key, at: depth)
        encoder.writeString(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        encoder.key(key, at: depth)
        try encoder.writeDouble(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        encoder.key(key, at: depth)
        try encoder.writeDouble(Double(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { number(String(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { number(String(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        encoder.key(key, at: depth)
        try encoder.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.key(key, at: depth)
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.key(key, at: depth)
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        encoder.element(at: depth)
        encoder.writeLiteral("\"super\":")
        return encoder
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.key(key, at: depth)
        return encoder
    }

    private func number(_ text: String, _ key: Key) {
        encoder.key(key, at: depth)
        encoder.writeNumber(text)
    }
}

/// An array being written.
struct UnkeyedWriter: UnkeyedEncodingContainer {
    let encoder: RowJSONEncoder
    let depth: Int
    private(set) var count = 0
    var codingPath: [any CodingKey] { [] }

    init(encoder: RowJSONEncoder, depth: Int) {
        self.encoder = encoder
        self.depth = depth
    }

    mutating func encodeNil() throws {
        next()
        encoder.writeLiteral("null")
    }

    mutating func encode(_ value: String) throws {
        next()
        encoder.writeString(value)
    }

    mutating func encode(_ value: Bool) throws {
        next()
        encoder.writeLiteral(value ? "true" : "false")
    }

    mutating func encode(_ value: Int) throws {
        next()
        encoder.writeNumber(String(value))
    }

    mutating func encode(_ value: Int64) throws {
        next()
        encoder.writeNumber(String(value))
    }

    mutating func encode(_ value: Double) throws {
        next()
        try encoder.writeDouble(value)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        next()
        try encoder.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next()
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        next()
        return encoder
    }

    private mutating func next() {
        encoder.element(at: depth)
        count += 1
    }
}

/// A single value: written where the encoder stands (after a key, as an element, or alone).
struct SingleValueWriter: SingleValueEncodingContainer {
    let encoder: RowJSONEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.writeLiteral("null") }
    mutating func encode(_ value: Bool) throws { encoder.writeLiteral(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.writeString(value) }
    mutating func encode(_ value: Double) throws { try encoder.writeDouble(value) }
    mutating func encode(_ value: Float) throws { try encoder.writeDouble(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.writeNumber(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.writeNumber(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder.write(value) }
}
