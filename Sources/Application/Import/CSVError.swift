/// A CSV file that does not follow RFC 4180. Each case names the physical line (1-based, as
/// an editor shows it) where the problem is; the import refuses the whole file (exit 2).
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A quoted field still open at the end of the file; `line` is where its record starts.
    case unterminatedQuote(line: Int)
    /// A `"` inside a field that did not start with one (`Ana "Ani" Gómez`).
    case quoteInUnquotedField(line: Int)
    /// Text after a closing quote, before the next comma or line end (`"Ana"x`).
    case textAfterClosingQuote(line: Int)
    /// Bytes that are not UTF-8 (e.g. a file saved as Latin-1).
    case invalidUTF8(line: Int)

    public var line: Int {
        switch self {
        case .unterminatedQuote(let line), .quoteInUnquotedField(let line), .textAfterClosingQuote(let line),
            .invalidUTF8(let line):
            return line
        }
    }

    public var description: String {
        switch self {
        case .unterminatedQuote(let line): return "line \(line): a quoted field is never closed (unterminated quote)"
        case .quoteInUnquotedField(let line): return "line \(line): a quote inside a field that is not quoted"
        case .textAfterClosingQuote(let line): return "line \(line): text after a closing quote"
        case .invalidUTF8(let line): return "line \(line): the text is not valid UTF-8"
        }
    }

    public var hint: String {
        switch self {
        case .unterminatedQuote, .quoteInUnquotedField, .textAfterClosingQuote:
            return
                "enclose fields that hold quotes, commas or line breaks in double quotes, and double every quote inside: \"Ana \"\"Ani\"\" Gómez\""
        case .invalidUTF8:
            return "save the file as UTF-8 (CSV UTF-8 in spreadsheet programs)"
        }
    }
}
