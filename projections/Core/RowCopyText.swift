import Dispatch
import Synchronization

/// Rows as `COPY … FROM STDIN` text, one line per row, columns in the table's order: each row is
/// spelled as JSON by `RowJSONEncoder` (exactly what `json_populate_recordset` was given) and its
/// top-level fields moved to their columns: strings unescaped, nested arrays and objects kept as
/// JSON text, absent or null fields `\N`, keys that are no column ignored — as
/// `json_populate_recordset` reads them, so the rows stored are the same.
struct RowCopyText {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private let columns: [String: Int]
    private let count: Int
    private let encoder = RowJSONEncoder(capacity: 4096)
    private var fields: [[UInt8]?]

    init(columns: [String]) {
        var index: [String: Int] = [:]
        for (offset, column) in columns.enumerated() { index[column] = offset }
        self.columns = index
        self.count = columns.count
        self.fields = Array(repeating: nil, count: columns.count)
    }

    /// COPY lines of `rows`, in two halves encoded on two threads when there are many.
    static func encode<Row: Encodable & Sendable>(_ rows: [Row], columns: [String]) throws -> [[UInt8]] {
        let halves = rows.count < 2000 ? [rows[...]] : [rows[..<(rows.count / 2)], rows[(rows.count / 2)...]]
        let results = Mutex<[Int: Result<[UInt8], any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: halves.count) { index in
            let outcome = Result {
                var text = RowCopyText(columns: columns)
                var out: [UInt8] = []
                out.reserveCapacity(halves[index].count * 256)
                for row in halves[index] { try text.append(row, to: &out) }
                return out
            }
            results.withLock { $0[index] = outcome }
        }
        return try results.withLock { all in try halves.indices.map { try all[$0]?.get() ?? [] } }
    }

    /// Appends the COPY line of `row` to `out`.
    mutating func append<Row: Encodable>(_ row: Row, to out: inout [UInt8]) throws {
        encoder.removeAll()
        try encoder.append(row)
        for index in fields.indices { fields[index] = nil }
        try split(encoder.bytes)
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            if let field = fields[index] { out.append(contentsOf: field) } else { out.append(contentsOf: #"\N"#.utf8) }
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Fills `fields` from one JSON object as `RowJSONEncoder` writes it (no whitespace).
    private mutating func split(_ json: [UInt8]) throws {
        guard json.first == UInt8(ascii: "{") else { throw Malformed(description: "a row is not a JSON object") }
        var index = 1
        while index < json.count, json[index] != UInt8(ascii: "}") {
            if json[index] == UInt8(ascii: ",") { index += 1 }
            var key: [UInt8] = []
            index = try Self.string(json, at: index, into: &key)
            guard index < json.count, json[index] == UInt8(ascii: ":") else { throw Malformed(description: "expected ':' in a row") }
            index += 1
            var value: [UInt8] = []
            let start = index
            switch json[index] {
            case UInt8(ascii: "\""):
                var text: [UInt8] = []
                index = try Self.string(json, at: index, into: &text)
                Self.escape(text[...], into: &value)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                index = try Self.skipNested(json, at: index)
                Self.escape(json[start..<index], into: &value)
            default:
                while index < json.count, json[index] != UInt8(ascii: ","), json[index] != UInt8(ascii: "}") { index += 1 }
                value.append(contentsOf: json[start..<index])
            }
            let isNull = value == Array("null".utf8) && json[start] != UInt8(ascii: "\"")
            if let column = columns[String(decoding: key, as: UTF8.self)] { fields[column] = isNull ? nil : value }
        }
    }

    /// The JSON string starting at `start` (its opening quote), unescaped into `out`; the index after it.
    private static func string(_ json: [UInt8], at start: Int, into out: inout [UInt8]) throws -> Int {
        guard start < json.count, json[start] == UInt8(ascii: "\"") else { throw Malformed(description: "expected a string in a row") }
        var index = start + 1
        while index < json.count {
            let byte = json[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return index }
            guard byte == UInt8(ascii: "\\"), index < json.count else {
                out.append(byte)
                continue
            }
            let escaped = json[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                // RowJSONEncoder writes \u only for control characters (\u00XX).
                guard index + 4 <= json.count, let code = UInt8(String(decoding: json[index..<index + 4], as: UTF8.self), radix: 16)
                else { throw Malformed(description: "unexpected \\u escape in a row") }
                out.append(code)
                index += 4
            default: out.append(escaped)
            }
        }
        throw Malformed(description: "unterminated string in a row")
    }

    /// The index after the array or object starting at `start` (strings inside skipped whole).
    private static func skipNested(_ json: [UInt8], at start: Int) throws -> Int {
        var depth = 0
        var index = start
        var inString = false
        while index < json.count {
            let byte = json[index]
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        throw Malformed(description: "unterminated array or object in a row")
    }

    /// COPY text escaping: backslash, newline, carriage return and tab.
    static func escape(_ bytes: ArraySlice<UInt8>, into out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            default: out.append(byte)
            }
        }
    }
}
