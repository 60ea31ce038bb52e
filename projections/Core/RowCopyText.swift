import Dispatch
import Synchronization

/// Rows as `COPY … FROM STDIN` text, one line per row, columns in the table's order: a row that
/// writes its own line does (`RowCopyWritable`); any other plain row's fields are written
/// straight to their columns (`RowCopyEncoder`); any other row is spelled as JSON by
/// `RowJSONEncoder` (exactly what `json_populate_recordset` was given) and its top-level fields
/// moved to their columns. Every way: strings unescaped, nested arrays and objects kept as JSON
/// text, absent or null fields `\N`, keys that are no column ignored — as
/// `json_populate_recordset` reads them, so the rows stored are the same.
struct RowCopyText {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    private let columns: [String: Int]
    private let columnList: [String]
    /// The last row type asked about, and whether it writes its own lines.
    private var selfWriting: (type: ObjectIdentifier, writes: Bool)?
    private let count: Int
    private let encoder = RowJSONEncoder(capacity: 4096)
    /// Plain rows go straight to their columns; the JSON way below is for the others.
    private let direct: RowCopyEncoder
    /// Where each column's value lies in the row's JSON (nil: absent or null).
    private var spans: [Span?]
    /// The keys of the last row, in order, and their columns: rows of a table spell the same
    /// keys in the same order (but for nil optionals, left out), so a key is mostly one compare.
    private var lastKeys: [(key: [UInt8], column: Int?)] = []

    private struct Span {
        enum Kind { case string, nested, raw }
        let start: Int
        let end: Int
        let kind: Kind
    }

    init(columns: [String]) {
        var index: [String: Int] = [:]
        for (offset, column) in columns.enumerated() { index[column] = offset }
        self.columns = index
        self.columnList = columns
        self.count = columns.count
        self.spans = Array(repeating: nil, count: columns.count)
        self.direct = RowCopyEncoder(columns: index, count: columns.count)
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

    /// Appends the COPY line of `row` to `out`; `viaJSON` takes the JSON way even for a plain row.
    mutating func append<Row: Encodable>(_ row: Row, to out: inout [UInt8], viaJSON: Bool = false) throws {
        if !viaJSON, writesItself(Row.self), let writable = row as? any RowCopyWritable {
            var line = RowCopyLine()
            swap(&line.out, &out)
            writable.writeCopyLine(&line)
            swap(&line.out, &out)
            return
        }
        if !viaJSON, try direct.append(row, to: &out) { return }
        encoder.removeAll()
        try encoder.append(row)
        for index in spans.indices { spans[index] = nil }
        let json = encoder.bytes
        try split(json)
        for index in 0..<count {
            if index > 0 { out.append(UInt8(ascii: "\t")) }
            guard let span = spans[index] else {
                out.append(contentsOf: #"\N"#.utf8)
                continue
            }
            switch span.kind {
            case .string: try Self.unescape(json, span.start, span.end, into: &out)
            case .nested: Self.escape(json[span.start..<span.end], into: &out)
            case .raw: out.append(contentsOf: json[span.start..<span.end])
            }
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// Whether rows of `type` write their own lines for these columns (`RowCopyWritable`).
    private mutating func writesItself(_ type: Any.Type) -> Bool {
        let id = ObjectIdentifier(type)
        if let known = selfWriting, known.type == id { return known.writes }
        let writes = (type as? any RowCopyWritable.Type)?.copyColumns == columnList
        selfWriting = (id, writes)
        return writes
    }

    /// Finds each column's value in one JSON object as `RowJSONEncoder` writes it (no whitespace).
    private mutating func split(_ json: [UInt8]) throws {
        guard json.first == UInt8(ascii: "{") else { throw Malformed(description: "a row is not a JSON object") }
        var index = 1
        var ordinal = 0
        while index < json.count, json[index] != UInt8(ascii: "}") {
            if json[index] == UInt8(ascii: ",") { index += 1 }
            let keyStart = index + 1
            index = try Self.skipString(json, at: index)
            let column = try column(of: json, keyStart, index - 1, ordinal: ordinal)
            ordinal += 1
            guard index < json.count, json[index] == UInt8(ascii: ":") else { throw Malformed(description: "expected ':' in a row") }
            index += 1
            guard index < json.count else { throw Malformed(description: "a row ends after a key") }
            let start = index
            let span: Span?
            switch json[index] {
            case UInt8(ascii: "\""):
                index = try Self.skipString(json, at: index)
                span = Span(start: start + 1, end: index - 1, kind: .string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                index = try Self.skipNested(json, at: index)
                span = Span(start: start, end: index, kind: .nested)
            default:
                while index < json.count, json[index] != UInt8(ascii: ","), json[index] != UInt8(ascii: "}") { index += 1 }
                let isNull = json[start..<index].elementsEqual("null".utf8)
                span = isNull ? nil : Span(start: start, end: index, kind: .raw)
            }
            if let column { spans[column] = span }
        }
    }

    /// The column of the key in `json[start..<end]` (its quotes excluded), nil when it is none.
    private mutating func column(of json: [UInt8], _ start: Int, _ end: Int, ordinal: Int) throws -> Int? {
        if ordinal < lastKeys.count, lastKeys[ordinal].key.elementsEqual(json[start..<end]) { return lastKeys[ordinal].column }
        var key: [UInt8] = []
        try Self.unescape(json, start, end, into: &key, copyEscaped: false)
        let column = columns[String(decoding: key, as: UTF8.self)]
        let entry = (key: Array(json[start..<end]), column: column)
        if ordinal < lastKeys.count { lastKeys[ordinal] = entry } else { lastKeys.append(entry) }
        return column
    }

    /// The index after the JSON string starting at `start` (its opening quote).
    private static func skipString(_ json: [UInt8], at start: Int) throws -> Int {
        guard start < json.count, json[start] == UInt8(ascii: "\"") else { throw Malformed(description: "expected a string in a row") }
        var index = start + 1
        while index < json.count {
            let byte = json[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return index }
            if byte == UInt8(ascii: "\\") { index += 1 }
        }
        throw Malformed(description: "unterminated string in a row")
    }

    /// The text of the JSON string whose content is `json[start..<end]`, unescaped, into `out`;
    /// COPY-escaped on the way unless `copyEscaped` is false.
    static func unescape(_ json: [UInt8], _ start: Int, _ end: Int, into out: inout [UInt8], copyEscaped: Bool = true) throws {
        var index = start
        while index < end {
            var byte = json[index]
            index += 1
            if byte == UInt8(ascii: "\\"), index < end {
                let escaped = json[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): byte = 0x0A
                case UInt8(ascii: "r"): byte = 0x0D
                case UInt8(ascii: "t"): byte = 0x09
                case UInt8(ascii: "b"): byte = 0x08
                case UInt8(ascii: "f"): byte = 0x0C
                case UInt8(ascii: "u"):
                    // RowJSONEncoder writes \u only for control characters (\u00XX).
                    guard index + 4 <= end, let code = UInt8(String(decoding: json[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw Malformed(description: "unexpected \\u escape in a row") }
                    byte = code
                    index += 4
                default: byte = escaped
                }
            }
            guard copyEscaped else {
                out.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            default: out.append(byte)
            }
        }
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
    static func escape(_ bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
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
