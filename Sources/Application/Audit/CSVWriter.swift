/// Writes RFC 4180 CSV: CRLF between records; a field holding a comma, a quote, a line break
/// or leading/trailing space is quoted, with quotes doubled. A cell a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading `'`, as OWASP
/// advises, so an exported note cannot execute in the auditor's spreadsheet.
public struct CSVWriter {
    public private(set) var text = ""

    public init() {}

    public mutating func record(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",")
        text += "\r\n"
    }

    public static func field(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { value = "'" + value }
        let needsQuotes =
            value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacing("\"", with: "\"\"") + "\""
    }
}
