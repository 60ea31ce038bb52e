import Civil

/// One row of the rebuild's binary COPY (`position::int8, type::text, schema::int4, data::text,
/// recorded_at::timestamptz`): fields as the server holds them, no text escapes, and the
/// instant spelled here as `citylab_instant()` would (`2026-10-14T13:00:05.123456Z`) instead of
/// by `to_char` on the server for every row.
enum EventBinaryRow {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    /// The stream's first chunk starts with the file header: `PGCOPY\n\377\r\n\0`, flags, extension.
    private static let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]

    /// The event in `chunk`; nil for the trailer.
    static func parse(_ chunk: [UInt8]) throws -> EventDecoder.Stored? {
        var reader = Reader(bytes: chunk)
        if chunk.starts(with: signature) {
            reader.index = signature.count + 4
            reader.index += Int(try reader.int32())
        }
        let count = try reader.int16()
        if count == -1 { return nil }
        guard count == 5 else { throw Malformed(description: "a row of the event stream has \(count) fields, not 5") }
        let position = try reader.int64(field: "position")
        let type = try reader.text(field: "type")
        let schema = try reader.int32(field: "schema")
        let data = try reader.text(field: "data")
        let instant = try spell(microseconds: reader.int64(field: "recorded_at"))
        return EventDecoder.Stored(position: position, type: type, schema: Int(schema), data: data, instant: instant)
    }

    /// A timestamptz (microseconds since 2000-01-01 00:00 UTC) as `YYYY-MM-DDTHH:MI:SS.USZ`.
    static func spell(microseconds: Int64) throws -> String {
        let perDay: Int64 = 86_400_000_000
        var days = microseconds / perDay
        var rest = microseconds % perDay
        if rest < 0 {
            rest += perDay
            days -= 1
        }
        let (year, month, day) = CivilCalendar.date(fromDays: Int(days) + 10_957)
        // Years 1 to 9999: what `to_char`'s YYYY spells in four digits.
        guard (1...9999).contains(year) else {
            throw Malformed(description: "an instant out of range in the event stream: \(microseconds)")
        }
        let seconds = Int(rest / 1_000_000)
        let micros = Int(rest % 1_000_000)
        var out: [UInt8] = []
        out.reserveCapacity(27)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(48 + (value / divisor) % 10))
                divisor /= 10
            }
        }
        digits(year, 4)
        out.append(UInt8(ascii: "-"))
        digits(month, 2)
        out.append(UInt8(ascii: "-"))
        digits(day, 2)
        out.append(UInt8(ascii: "T"))
        digits(seconds / 3600, 2)
        out.append(UInt8(ascii: ":"))
        digits(seconds / 60 % 60, 2)
        out.append(UInt8(ascii: ":"))
        digits(seconds % 60, 2)
        out.append(UInt8(ascii: "."))
        digits(micros, 6)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Big-endian fields, each after its length (-1: null, which no column of these has).
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func int16() throws -> Int16 { Int16(truncatingIfNeeded: try integer(2)) }
        mutating func int32() throws -> Int32 { Int32(truncatingIfNeeded: try integer(4)) }

        mutating func int64(field: String) throws -> Int64 {
            try length(8, field)
            return try integer(8)
        }

        mutating func int32(field: String) throws -> Int32 {
            try length(4, field)
            return try int32()
        }

        mutating func text(field: String) throws -> String {
            let count = Int(try int32())
            guard count >= 0, index + count <= bytes.count else { throw Malformed(description: "a malformed \(field) in the event stream") }
            defer { index += count }
            return String(decoding: bytes[index..<index + count], as: UTF8.self)
        }

        private mutating func length(_ expected: Int32, _ field: String) throws {
            guard try int32() == expected else { throw Malformed(description: "a malformed \(field) in the event stream") }
        }

        private mutating func integer(_ count: Int) throws -> Int64 {
            guard index + count <= bytes.count else { throw Malformed(description: "a row of the event stream ends early") }
            var value: UInt64 = 0
            for offset in 0..<count { value = value << 8 | UInt64(bytes[index + offset]) }
            index += count
            if count < 8, value & (1 << (UInt64(count) * 8 - 1)) != 0 { value |= ~0 << (UInt64(count) * 8) }
            return Int64(bitPattern: value)
        }
    }
}
