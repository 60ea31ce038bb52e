import Civil
import Foundation

/// Reads event payloads as the log stores them (`jsonb` text: one flat object whose values are
/// strings, integers, booleans, null or arrays of strings) straight from their UTF-8 bytes into
/// the `Decodable` payload types, without `JSONDecoder`'s tree and boxes: most of a rebuild's
/// decoding time. Dates are ISO 8601 instants in whole seconds (`2026-10-14T15:00:00Z`).
///
/// Anything else (a nested object, a fraction, another spelling of a date, a missing key, a
/// value of the wrong kind) throws `Unsupported`, and `EventDecoder` hands the payload to
/// `JSONDecoder` instead: what this decoder accepts, it reads as `JSONDecoder` would, and
/// everything else (errors included) is `JSONDecoder`'s.
enum PayloadDecoder {
    struct Unsupported: Error {}

    /// A value of the flat object.
    enum Value {
        case null
        case bool(Bool)
        case int(Int64)
        case string(String)
        case strings([String])
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        var text = text
        let fields = try text.withUTF8 { bytes in
            var cursor = Cursor(bytes: bytes)
            return try cursor.object()
        }
        if let event = try direct(type, fields) { return event }
        return try T(from: ObjectReader(fields: fields))
    }

    /// `2026-10-14T15:00:00Z`, exactly; nil for any other spelling or an impossible date.
    static func instant(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
                bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "Z")
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<start + count {
                    let digit = Int(bytes[index]) - 48
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
                let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month),
                (1...daysIn(month, of: year)).contains(day), hour < 24, minute < 60, second < 60
            else { return nil }
            let seconds = CivilCalendar.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Scans one flat JSON object.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func object() throws -> [(key: String, value: Value)] {
            var fields: [(key: String, value: Value)] = []
            fields.reserveCapacity(8)
            try expect(UInt8(ascii: "{"))
            if try peek() == UInt8(ascii: "}") {
                index += 1
                return try end(fields)
            }
            while true {
                let key = try string()
                try expect(UInt8(ascii: ":"))
                fields.append((key, try value()))
                switch try next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "}"): return try end(fields)
                default: throw Unsupported()
                }
            }
        }

        private mutating func end(_ fields: [(key: String, value: Value)]) throws -> [(key: String, value: Value)] {
            skipSpace()
            guard index == bytes.count else { throw Unsupported() }
            return fields
        }

        private mutating func value() throws -> Value {
            switch try peek() {
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["): return .strings(try strings())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return .int(try integer())
            }
        }

        private mutating func strings() throws -> [String] {
            try expect(UInt8(ascii: "["))
            var list: [String] = []
            if try peek() == UInt8(ascii: "]") {
                index += 1
                return list
            }
            while true {
                list.append(try string())
                switch try next() {
                case UInt8(ascii: ","): continue
                case UInt8(ascii: "]"): return list
                default: throw Unsupported()
                }
            }
        }

        private mutating func literal(_ word: StaticString, _ value: Value) throws -> Value {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw Unsupported() }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw Unsupported() }
            index += count
            return value
        }

        /// An integer that fits 64 bits; fractions and exponents are left to `JSONDecoder`.
        private mutating func integer() throws -> Int64 {
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                negative = true
                index += 1
            }
            let start = index
            var magnitude: Int64 = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowSum) = times.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
                guard !overflowTimes, !overflowSum else { throw Unsupported() }
                magnitude = sum
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { throw Unsupported() }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                throw Unsupported()
            }
            return negative ? -magnitude : magnitude
        }

        /// A string; its escapes decoded (`\uXXXX` with surrogate pairs).
        mutating func string() throws -> String {
            try expect(UInt8(ascii: "\""))
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    defer { index += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                }
                if byte == UInt8(ascii: "\\") { return try escaped(from: start) }
                guard byte >= 0x20 else { throw Unsupported() }
                index += 1
            }
            throw Unsupported()
        }

        /// The rest of a string that has escapes, from its first byte at `start`.
        private mutating func escaped(from start: Int) throws -> String {
            var utf8 = Array(bytes[start..<index])
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: utf8, as: UTF8.self) else { throw Unsupported() }
                    return text
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { throw Unsupported() }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"): utf8.append(contentsOf: String(try scalar()).utf8)
                    default: throw Unsupported()
                    }
                case 0..<0x20: throw Unsupported()
                default: utf8.append(byte)
                }
            }
            throw Unsupported()
        }

        /// The scalar of a `\u` escape (after the `u`), joining a surrogate pair.
        private mutating func scalar() throws -> Unicode.Scalar {
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high) {
                guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Unsupported()
                }
                index += 2
                let low = try hex4()
                guard (0xDC00..<0xE000).contains(low), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw Unsupported() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw Unsupported() }
            return scalar
        }

        private mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count else { throw Unsupported() }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                index += 1
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a")) + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A")) + 10
                default: throw Unsupported()
                }
                value = value * 16 + digit
            }
            return value
        }

        private mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        private mutating func peek() throws -> UInt8 {
            skipSpace()
            guard index < bytes.count else { throw Unsupported() }
            return bytes[index]
        }

        private mutating func next() throws -> UInt8 {
            let byte = try peek()
            index += 1
            return byte
        }

        private mutating func expect(_ byte: UInt8) throws {
            guard try next() == byte else { throw Unsupported() }
        }
    }
}
