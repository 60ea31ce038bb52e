import Foundation

// The `Decoder` side of `PayloadDecoder`: the payload object, its values (typed ids, enums,
// dates) and its arrays of strings. Anything a payload type asks for that the flat object
// does not hold as asked throws `Unsupported` (then `JSONDecoder` decides).

extension PayloadDecoder {
    /// The payload object: keyed access only.
    struct ObjectReader: Decoder {
        let fields: [(key: String, value: Value)]
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Fields<Key>(fields: fields))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Unsupported() }
        func singleValueContainer() throws -> any SingleValueDecodingContainer { throw Unsupported() }
    }

    /// One value of the object, decoded as a whole (`init(from:)` of an id, an enum, a list).
    struct ValueReader: Decoder, SingleValueDecodingContainer {
        let value: Value
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw Unsupported() }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard case .strings(let list) = value else { throw Unsupported() }
            return Strings(list: list)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

        func decodeNil() -> Bool {
            if case .null = value { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            guard case .bool(let bool) = value else { throw Unsupported() }
            return bool
        }

        func decode(_ type: String.Type) throws -> String {
            guard case .string(let string) = value else { throw Unsupported() }
            return string
        }

        func decode(_ type: Int.Type) throws -> Int { try integer() }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
        func decode(_ type: UInt.Type) throws -> UInt { try integer() }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
        func decode(_ type: Double.Type) throws -> Double { throw Unsupported() }
        func decode(_ type: Float.Type) throws -> Float { throw Unsupported() }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try PayloadDecoder.value(type, of: value) }

        private func integer<T: FixedWidthInteger>() throws -> T {
            guard case .int(let int) = value, let exact = T(exactly: int) else { throw Unsupported() }
            return exact
        }
    }

    /// `value` as `T`: a date parsed here, anything else by its own `init(from:)`.
    static func value<T: Decodable>(_ type: T.Type, of value: Value) throws -> T {
        if type == Date.self {
            guard case .string(let text) = value, let date = instant(text) as? T else { throw Unsupported() }
            return date
        }
        return try T(from: ValueReader(value: value))
    }

    /// The object's fields, looked up by key (a payload has a handful: a linear search).
    struct Fields<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let fields: [(key: String, value: Value)]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { fields.compactMap { Key(stringValue: $0.key) } }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        private func find(_ key: Key) -> Value? {
            let name = key.stringValue
            for field in fields where field.key == name { return field.value }
            return nil
        }

        private func reader(_ key: Key) throws -> ValueReader {
            guard let value = find(key) else { throw Unsupported() }
            return ValueReader(value: value)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try reader(key).decodeNil() }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try reader(key).decode(type) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try reader(key).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw Unsupported() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Unsupported() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try reader(key).decode(type) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try reader(key).decode(type) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try reader(key).decode(type) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try reader(key).decode(type) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try reader(key).decode(type) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try reader(key).decode(type) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try reader(key).decode(type) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try reader(key).decode(type) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try reader(key).decode(type) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try reader(key).decode(type) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            guard let value = find(key) else { throw Unsupported() }
            return try PayloadDecoder.value(type, of: value)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        { throw Unsupported() }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try reader(key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw Unsupported() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsupported() }
    }

    /// An array of strings.
    struct Strings: UnkeyedDecodingContainer {
        let list: [String]
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { list.count }
        var isAtEnd: Bool { currentIndex >= list.count }

        mutating func next() throws -> String {
            guard !isAtEnd else { throw Unsupported() }
            defer { currentIndex += 1 }
            return list[currentIndex]
        }

        mutating func decodeNil() throws -> Bool { false }
        mutating func decode(_ type: String.Type) throws -> String { try next() }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try PayloadDecoder.value(type, of: .string(try next())) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { throw Unsupported() }
        mutating func decode(_ type: Double.Type) throws -> Double { throw Unsupported() }
        mutating func decode(_ type: Float.Type) throws -> Float { throw Unsupported() }
        mutating func decode(_ type: Int.Type) throws -> Int { throw Unsupported() }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { throw Unsupported() }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { throw Unsupported() }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { throw Unsupported() }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { throw Unsupported() }
        mutating func decode(_ type: UInt.Type) throws -> UInt { throw Unsupported() }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { throw Unsupported() }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { throw Unsupported() }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { throw Unsupported() }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { throw Unsupported() }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            throw Unsupported()
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Unsupported() }
        mutating func superDecoder() throws -> any Decoder { throw Unsupported() }
    }
}
