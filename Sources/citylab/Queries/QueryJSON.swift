import Events
import Foundation
import Projections

/// Read-model rows as the `--json` object of a query command.
enum QueryJSON {
    /// `{key: [rows…], "count": n}` with rows spelled as stored (snake_case keys).
    static func print<Row: Encodable>(_ key: String, _ rows: [Row], extra: [String: JSONValue] = [:]) throws {
        var members = extra
        members[key] = try value(rows)
        members["count"] = .int(Int64(rows.count))
        Output.json(.object(members))
    }

    static func value<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONParser.parse(String(decoding: try RowCoding.encoder.encode(value), as: UTF8.self))
    }
}
