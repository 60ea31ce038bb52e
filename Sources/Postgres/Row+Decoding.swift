import Foundation

extension Row {
    public func int(_ column: String) throws -> Int {
        try decode(column, as: "an integer", Int.init)
    }

    public func int32(_ column: String) throws -> Int32 {
        try decode(column, as: "a 32-bit integer", Int32.init)
    }

    public func int64(_ column: String) throws -> Int64 {
        try decode(column, as: "a 64-bit integer", Int64.init)
    }

    public func double(_ column: String) throws -> Double {
        try decode(column, as: "a number", Row.parseDouble)
    }

    /// `t`/`f` as PostgreSQL prints booleans (also `true`/`false`).
    public func bool(_ column: String) throws -> Bool {
        try decode(column, as: "a boolean", Row.parseBool)
    }

    /// A `bytea` in the hex output format (`\x…`).
    public func bytes(_ column: String) throws -> [UInt8] {
        try decode(column, as: "bytea in hex format", Bytea.parseHex)
    }

    /// A `timestamptz` (or `timestamp`, read as UTC) in ISO output style, any offset, to the microsecond.
    public func date(_ column: String) throws -> Date {
        try decode(column, as: "a timestamp", PostgresTimestamp.parse)
    }

    public func optionalInt(_ column: String) throws -> Int? {
        try optional(column, int)
    }

    public func optionalInt64(_ column: String) throws -> Int64? {
        try optional(column, int64)
    }

    public func optionalBool(_ column: String) throws -> Bool? {
        try optional(column, bool)
    }

    public func optionalDate(_ column: String) throws -> Date? {
        try optional(column, date)
    }

    public func optionalBytes(_ column: String) throws -> [UInt8]? {
        try optional(column, bytes)
    }

    /// NULL gives nil; a missing column or a malformed value still throws.
    private func optional<T>(_ column: String, _ read: (String) throws -> T) throws -> T? {
        guard hasColumn(column) else {
            _ = try string(column)
            return nil
        }
        return self[column] == nil ? nil : try read(column)
    }

    /// The value's text is left out of the error: it may be personal data.
    private func decode<T>(_ column: String, as what: String, _ parse: (String) -> T?) throws -> T {
        let text = try string(column)
        guard let value = parse(text) else {
            throw PostgresError(.decoding, "column \"\(column)\" is not \(what)")
        }
        return value
    }

    private static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "t", "true": return true
        case "f", "false": return false
        default: return nil
        }
    }

    private static func parseDouble(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: return Double(text)
        }
    }
}
