import Events
import Foundation

/// A `Decoder` that makes a sample of any payload type: every string full of what JSON must
/// escape, integers, a date, lists of two, and optionals present, null or absent.
struct PayloadSampler: Decoder {
    /// How optional fields are given: every test walks all of them (`allCases`).
    enum Optionals: CaseIterable { case present, null, absent }

    /// A sample of `type` with its optional fields given as `optionals`.
    static func sample<T: Decodable>(_ type: T.Type, _ optionals: Optionals) throws -> T {
        try T(from: PayloadSampler(optionals: optionals))
    }

    let optionals: Optionals
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static let text = "Zoë \"q\" \\ / \n\t\u{1} 😀 ✓"
    static let date = Date(timeIntervalSince1970: 1_791_990_000)

    struct NotSampled: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(sampler: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { Unkeyed(sampler: self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(sampler: self) }

    func sample<T: Decodable>(_ type: T.Type) throws -> T {
        if let date = Self.date as? T { return date }
        if let reason = LeaveReason.registrationCancelled as? T { return reason }
        if let role = StaffRole.organizer as? T { return role }
        return try T(from: self)
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let sampler: PayloadSampler
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { sampler.optionals != .absent }
        func decodeNil(forKey key: Key) throws -> Bool { sampler.optionals == .null }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { true }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { PayloadSampler.text + key.stringValue }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw NotSampled() }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw NotSampled() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { -1_234_567_890_123 }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { 8 }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { 16 }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { 32 }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { 9_000_000_000_000_000_000 }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { 7 }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { 200 }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { 16 }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { 32 }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { 64 }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try sampler.sample(type) }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        { try sampler.container(keyedBy: type) }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { Unkeyed(sampler: sampler) }
        func superDecoder() throws -> any Decoder { sampler }
        func superDecoder(forKey key: Key) throws -> any Decoder { sampler }
    }

    struct Single: SingleValueDecodingContainer {
        let sampler: PayloadSampler
        var codingPath: [any CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "id_" + PayloadSampler.text }
        func decode(_ type: Double.Type) throws -> Double { throw NotSampled() }
        func decode(_ type: Float.Type) throws -> Float { throw NotSampled() }
        func decode(_ type: Int.Type) throws -> Int { 3 }
        func decode(_ type: Int8.Type) throws -> Int8 { 3 }
        func decode(_ type: Int16.Type) throws -> Int16 { 3 }
        func decode(_ type: Int32.Type) throws -> Int32 { 3 }
        func decode(_ type: Int64.Type) throws -> Int64 { 3 }
        func decode(_ type: UInt.Type) throws -> UInt { 3 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 3 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 3 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 3 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 3 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try sampler.sample(type) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let sampler: PayloadSampler
        var codingPath: [any CodingKey] { [] }
        var count: Int? { 2 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 2 }
        mutating func advance() { currentIndex += 1 }
        mutating func decodeNil() throws -> Bool { false }
        mutating func decode(_ type: Bool.Type) throws -> Bool {
            advance()
            return true
        }
        mutating func decode(_ type: String.Type) throws -> String {
            advance()
            return PayloadSampler.text + "\(currentIndex)"
        }
        mutating func decode(_ type: Double.Type) throws -> Double { throw NotSampled() }
        mutating func decode(_ type: Float.Type) throws -> Float { throw NotSampled() }
        mutating func decode(_ type: Int.Type) throws -> Int {
            advance()
            return currentIndex
        }
        mutating func decode(_ type: Int8.Type) throws -> Int8 {
            advance()
            return 1
        }
        mutating func decode(_ type: Int16.Type) throws -> Int16 {
            advance()
            return 1
        }
        mutating func decode(_ type: Int32.Type) throws -> Int32 {
            advance()
            return 1
        }
        mutating func decode(_ type: Int64.Type) throws -> Int64 {
            advance()
            return 1
        }
        mutating func decode(_ type: UInt.Type) throws -> UInt {
            advance()
            return 1
        }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 {
            advance()
            return 1
        }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 {
            advance()
            return 1
        }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 {
            advance()
            return 1
        }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 {
            advance()
            return 1
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            advance()
            return try sampler.sample(type)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            advance()
            return try sampler.container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            advance()
            return Unkeyed(sampler: sampler)
        }
        mutating func superDecoder() throws -> any Decoder { sampler }
    }
}
