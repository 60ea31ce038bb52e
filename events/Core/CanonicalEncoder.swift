import Foundation

/// An `Encoder` that writes canonical JSON (README: keys sorted by their UTF-8 bytes, no white
/// space, integers in plain decimal, minimal string escapes, instants as ISO 8601 UTC) straight
/// from a value's `encode(to:)`, without Foundation's JSONEncoder and the parse-and-re-spell it
/// needed: every append encodes its payloads this way. Nil optionals are left out, as
/// JSONEncoder does; fractions are refused (payloads hold none).
enum CanonicalEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        do {
            return try CanonicalStreamEncoder.encode(value)
        } catch is CanonicalStreamEncoder.Fallback {
            return try general(value)
        }
    }

    /// Any Encodable: every value a slot, objects sorted when written.
    static func general<T: Encodable>(_ value: T) throws -> String {
        let root = CanonicalSlot()
        try root.encode(value, codingPath: [])
        var out = CanonicalWriter()
        try root.write(to: &out, codingPath: [])
        return out.text
    }
}

/// One value being encoded: spelled already, or a container still being filled.
final class CanonicalSlot {
    enum Content {
        case unset
        /// A string, written quoted and escaped.
        case string(String)
        /// A number, `true`, `false` or `null`, written as is.
        case text(String)
        case object(CanonicalObject)
        case array(CanonicalArray)
    }
    var content = Content.unset

    /// The common leaf types by a type comparison (cheap), before any dynamic cast; anything
    /// else encodes itself into this slot. Other integer types reach the single-value
    /// container's overloads that way.
    func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
        if T.self == String.self, let text = value as? String {
            content = .string(text)
        } else if T.self == Int.self, let number = value as? Int {
            content = .text(String(number))
        } else if T.self == Date.self, let date = value as? Date {
            content = .string(CanonicalDate.format(date))
        } else if T.self == Double.self || T.self == Float.self || T.self == Decimal.self {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath, debugDescription: "canonical JSON holds no fractions"))
        } else {
            try value.encode(to: CanonicalValueEncoder(slot: self, codingPath: codingPath))
        }
    }

    func write(to out: inout CanonicalWriter, codingPath: [any CodingKey]) throws {
        switch content {
        case .unset:
            throw EncodingError.invalidValue(
                "", EncodingError.Context(codingPath: codingPath, debugDescription: "a value encoded nothing"))
        case .string(let text): out.string(text)
        case .text(let text): out.raw(text)
        case .object(let object):
            out.byte(UInt8(ascii: "{"))
            let members = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in members.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                out.string(member.key)
                out.byte(UInt8(ascii: ":"))
                try member.slot.write(to: &out, codingPath: codingPath)
            }
            out.byte(UInt8(ascii: "}"))
        case .array(let array):
            out.byte(UInt8(ascii: "["))
            for (index, item) in array.items.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                try item.write(to: &out, codingPath: codingPath)
            }
            out.byte(UInt8(ascii: "]"))
        }
    }

    func object() -> CanonicalObject {
        if case .object(let object) = content { return object }
        let object = CanonicalObject()
        content = .object(object)
        return object
    }

    func array() -> CanonicalArray {
        if case .array(let array) = content { return array }
        let array = CanonicalArray()
        content = .array(array)
        return array
    }
}

final class CanonicalObject {
    var members: [(key: String, slot: CanonicalSlot)] = []

    /// The slot for a key; a key encoded twice keeps its last value, as JSONEncoder does.
    func slot(_ key: String) -> CanonicalSlot {
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].slot = CanonicalSlot()
            return members[index].slot
        }
        let slot = CanonicalSlot()
        members.append((key, slot))
        return slot
    }
}

final class CanonicalArray {
    var items: [CanonicalSlot] = []

    func slot() -> CanonicalSlot {
        let slot = CanonicalSlot()
        items.append(slot)
        return slot
    }
}

struct CanonicalValueEncoder: Encoder {
    let slot: CanonicalSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(CanonicalKeyedContainer<Key>(object: slot.object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalUnkeyedContainer(array: slot.array(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CanonicalSingleValueContainer(slot: slot, codingPath: codingPath)
    }
}

struct CanonicalKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: CanonicalObject
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.slot(key.stringValue).content = .text("null") }
    mutating func encode(_ value: Bool, forKey key: Key) throws { object.slot(key.stringValue).content = .text(value ? "true" : "false") }
    mutating func encode(_ value: String, forKey key: Key) throws { object.slot(key.stringValue).content = .string(value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.slot(key.stringValue).content = .text(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { object.slot(key.stringValue).content = .text(String(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try object.slot(key.stringValue).encode(value, codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<
        NestedKey
    > {
        KeyedEncodingContainer(CanonicalKeyedContainer<NestedKey>(object: object.slot(key.stringValue).object(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        CanonicalUnkeyedContainer(array: object.slot(key.stringValue).array(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        CanonicalValueEncoder(slot: object.slot("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        CanonicalValueEncoder(slot: object.slot(key.stringValue), codingPath: codingPath)
    }
}

struct CanonicalUnkeyedContainer: UnkeyedEncodingContainer {
    let array: CanonicalArray
    let codingPath: [any CodingKey]
    var count: Int { array.items.count }

    mutating func encodeNil() throws { array.slot().content = .text("null") }
    mutating func encode(_ value: String) throws { array.slot().content = .string(value) }
    mutating func encode(_ value: Int) throws { array.slot().content = .text(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try array.slot().encode(value, codingPath: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(CanonicalKeyedContainer<NestedKey>(object: array.slot().object(), codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        CanonicalUnkeyedContainer(array: array.slot().array(), codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder { CanonicalValueEncoder(slot: array.slot(), codingPath: codingPath) }
}

struct CanonicalSingleValueContainer: SingleValueEncodingContainer {
    let slot: CanonicalSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.content = .text("null") }
    mutating func encode(_ value: Bool) throws { slot.content = .text(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { slot.content = .string(value) }
    mutating func encode(_ value: Int) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: Int64) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: Int8) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: Int16) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: Int32) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: UInt) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: UInt8) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: UInt16) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: UInt32) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: UInt64) throws { slot.content = .text(String(value)) }
    mutating func encode(_ value: Double) throws { try refuse(value) }
    mutating func encode(_ value: Float) throws { try refuse(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value, codingPath: codingPath) }

    private func refuse(_ value: Any) throws {
        throw EncodingError.invalidValue(
            value, EncodingError.Context(codingPath: codingPath, debugDescription: "canonical JSON holds no fractions"))
    }
}
