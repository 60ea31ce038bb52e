/// COPY text lines being written, one row after another: the tabs between a row's columns, its
/// newline, COPY escapes (backslash, newline, carriage return, tab), `\N` for null, and nested
/// values as their JSON (`RowJSONEncoder`, or a value's own `RowJSONWritable` writer).
struct RowCopyLine {
    /// The text so far.
    var out: [UInt8] = []
    private var isEmpty = true
    /// Spells nested values; made on first use and kept for the lines that follow.
    private var encoder: RowJSONEncoder?

    init(capacity: Int = 0) { out.reserveCapacity(capacity) }

    private mutating func column() {
        if !isEmpty { out.append(UInt8(ascii: "\t")) }
        isEmpty = false
    }

    mutating func text(_ value: String) {
        column()
        Self.escape(value, into: &out)
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    /// A value stored by its raw spelling (statuses, kinds).
    mutating func text<Value: RawRepresentable<String>>(_ value: Value) { text(value.rawValue) }

    mutating func number(_ value: Int64) {
        column()
        out.append(contentsOf: String(value).utf8)
    }

    mutating func number(_ value: Int) { number(Int64(value)) }

    mutating func null() {
        column()
        out.append(contentsOf: #"\N"#.utf8)
    }

    /// A nested value's JSON (a jsonb column). JSON escapes control characters itself, so only
    /// its backslashes need doubling for COPY; most values have none and are written in place.
    mutating func json(_ value: some Encodable) throws {
        column()
        let start = out.count
        if let writable = value as? any RowJSONWritable {
            writable.writeJSON(&out)
        } else {
            let encoder = self.encoder ?? RowJSONEncoder(capacity: 1024)
            self.encoder = encoder
            encoder.removeAll()
            try encoder.write(value)
            out.append(contentsOf: encoder.bytes)
        }
        guard out[start...].contains(UInt8(ascii: "\\")) else { return }
        let text = Array(out[start...])
        out.removeSubrange(start...)
        Self.escape(bytes: text, into: &out)
    }

    mutating func end() {
        out.append(UInt8(ascii: "\n"))
        isEmpty = true
    }

    /// The lines written so far, handed over; the writer starts again empty.
    mutating func take() -> [UInt8] {
        defer { out = [] }
        return out
    }

    /// COPY text escaping of `string`, plain runs appended whole.
    static func escape(_ string: String, into out: inout [UInt8]) {
        var copy = string
        copy.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\\") || byte == 0x0A || byte == 0x0D || byte == 0x09 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                append(escaped: byte, to: &out)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    /// COPY text escaping of `bytes`, byte by byte.
    static func escape(bytes: some Sequence<UInt8>, into out: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09: append(escaped: byte, to: &out)
            default: out.append(byte)
            }
        }
    }

    private static func append(escaped byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
        case 0x0A: out.append(contentsOf: #"\n"#.utf8)
        case 0x0D: out.append(contentsOf: #"\r"#.utf8)
        default: out.append(contentsOf: #"\t"#.utf8)
        }
    }
}
