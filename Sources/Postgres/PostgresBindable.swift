import Foundation

/// A Swift value that can be sent as a query parameter (`$1`, `$2`, …) in text format.
public protocol PostgresBindable {
    var postgresValue: PostgresValue { get }
}

extension String: PostgresBindable {
    public var postgresValue: PostgresValue { .text(self) }
}

extension Substring: PostgresBindable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int: PostgresBindable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int32: PostgresBindable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Int64: PostgresBindable {
    public var postgresValue: PostgresValue { .text(String(self)) }
}

extension Bool: PostgresBindable {
    public var postgresValue: PostgresValue { .text(self ? "true" : "false") }
}

extension Double: PostgresBindable {
    /// Shortest round-tripping decimal; the non-finite values use PostgreSQL's spelling.
    public var postgresValue: PostgresValue {
        if isNaN { return .text("NaN") }
        if isInfinite { return .text(self < 0 ? "-Infinity" : "Infinity") }
        return .text(String(self))
    }
}

extension Date: PostgresBindable {
    /// ISO 8601 in UTC with microseconds, e.g. `2024-05-01T12:34:56.123456Z`.
    public var postgresValue: PostgresValue { .text(PostgresTimestamp.format(self)) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable {
    public var postgresValue: PostgresValue {
        switch self {
        case .none: return .null
        case .some(let value): return value.postgresValue
        }
    }
}

extension Array: PostgresBindable where Element: PostgresBindable {
    /// A one-dimensional array literal: every element double-quoted with `"` and `\` escaped, NULL unquoted.
    /// Built as UTF-8 bytes (an element without `"` or `\` is copied whole): batches send
    /// hundreds of kilobytes of event payloads this way.
    public var postgresValue: PostgresValue {
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, element) in enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch element.postgresValue {
            case .null:
                bytes.append(contentsOf: "NULL".utf8)
            case .text(let text):
                bytes.append(quote)
                let utf8 = text.utf8
                if utf8.contains(where: { $0 == quote || $0 == backslash }) {
                    for byte in utf8 {
                        if byte == quote || byte == backslash { bytes.append(backslash) }
                        bytes.append(byte)
                    }
                } else {
                    bytes.append(contentsOf: utf8)
                }
                bytes.append(quote)
            }
        }
        bytes.append(UInt8(ascii: "}"))
        return .text(String(decoding: bytes, as: UTF8.self))
    }
}
