/// A row that writes its own COPY line: what `RowCopyEncoder` spells through Codable (strings
/// COPY-escaped, nil optionals `\N`, numbers as written, nested values as their JSON), for the
/// columns `copyColumns` in that order, without Codable's containers. `RowCopyText` takes this
/// way when the table's columns are exactly those (for the many rows a rebuild writes at once).
protocol RowCopyWritable {
    /// The table's columns, in its order.
    static var copyColumns: [String] { get }
    func writeCopyLine(_ line: inout RowCopyLine)
}

/// One COPY text line being written: the tabs between its columns and the newline.
struct RowCopyLine {
    /// The text so far (swapped in and out by `RowCopyText`, never copied).
    var out: [UInt8] = []
    private var isEmpty = true

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

    mutating func number(_ value: Int64) {
        column()
        out.append(contentsOf: String(value).utf8)
    }

    mutating func number(_ value: Int) { number(Int64(value)) }

    mutating func null() {
        column()
        out.append(contentsOf: #"\N"#.utf8)
    }

    /// A nested value's JSON. It escapes control characters itself, so only its backslashes
    /// need doubling for COPY; most documents have none and are written in place.
    mutating func json(_ value: some RowJSONWritable) {
        column()
        let start = out.count
        value.writeJSON(&out)
        guard out[start...].contains(UInt8(ascii: "\\")) else { return }
        let json = Array(out[start...])
        out.removeSubrange(start...)
        RowCopyText.escape(json, into: &out)
    }

    mutating func end() { out.append(UInt8(ascii: "\n")) }

    /// COPY text escaping of `string` (`RowCopyText.escape`), plain runs appended whole.
    static func escape(_ string: String, into out: inout [UInt8]) {
        var copy = string
        copy.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte == UInt8(ascii: "\\") || byte == 0x0A || byte == 0x0D || byte == 0x09 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                default: out.append(contentsOf: #"\t"#.utf8)
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }
}
