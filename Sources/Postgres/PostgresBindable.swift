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
    public var postgresValue: PostgresValue {
        let elements = map { element -> String in
            switch element.postgresValue {
            case .null:
                return "NULL"
            case .text(let text):
                var quoted = "\""
                for character in text.unicodeScalars {
                    if character == "\"" || character == "\\" { quoted.unicodeScalars.append("\\") }
                    quoted.unicodeScalars.append(character)
                }
                quoted += "\""
                return quoted
            }
        }
        return .text("{" + elements.joined(separator: ",") + "}")
    }
}
