/// An RFC 4180 reader that pulls bytes from any iterator, so a file is parsed as it is read:
/// quoted fields with embedded commas, line breaks and doubled quotes; CRLF, LF or a lone CR
/// between records; a leading UTF-8 byte-order mark; a last record without a line break.
/// Blank lines are skipped. Pure: no I/O beyond the iterator it is given.
public struct CSVReader<Source: IteratorProtocol<UInt8>> {
    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    private static var quote: UInt8 { 0x22 }
    private static var comma: UInt8 { 0x2C }
    private static var lineFeed: UInt8 { 0x0A }
    private static var carriageReturn: UInt8 { 0x0D }

    /// The byte source, for its state after reading (a file reader's error or limit).
    public private(set) var source: Source
    private var pushedBack: [UInt8] = []
    private var checkedByteOrderMark = false
    /// The physical line of the next byte (1-based).
    private var line = 1

    public init(_ source: Source) {
        self.source = source
    }

    /// The next record, or nil at the end of the input. Throws `CSVError` naming the line.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        skipByteOrderMark()
        var fields: [String] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var start = line
        while true {
            guard let byte = nextByte() else {
                switch state {
                case .quoted: throw .unterminatedQuote(line: start)
                case .fieldStart where fields.isEmpty: return nil
                default:
                    fields.append(try Self.text(field, line: start))
                    return CSVRecord(line: start, fields: fields)
                }
            }
            switch state {
            case .fieldStart, .unquoted, .afterQuote:
                if byte == Self.comma {
                    fields.append(try Self.text(field, line: start))
                    field.removeAll(keepingCapacity: true)
                    state = .fieldStart
                } else if byte == Self.lineFeed || byte == Self.carriageReturn {
                    endLine(byte)
                    if state == .fieldStart && fields.isEmpty {
                        start = line  // a blank line: skip it
                        continue
                    }
                    fields.append(try Self.text(field, line: start))
                    return CSVRecord(line: start, fields: fields)
                } else if byte == Self.quote {
                    switch state {
                    case .fieldStart: state = .quoted
                    case .afterQuote:
                        field.append(Self.quote)  // "" inside a quoted field
                        state = .quoted
                    default: throw .quoteInUnquotedField(line: line)
                    }
                } else if state == .afterQuote {
                    throw .textAfterClosingQuote(line: line)
                } else {
                    field.append(byte)
                    state = .unquoted
                }
            case .quoted:
                if byte == Self.quote {
                    state = .afterQuote
                } else {
                    field.append(byte)
                    if byte == Self.carriageReturn {
                        if let following = nextByte() {
                            if following == Self.lineFeed { field.append(following) } else { pushedBack.append(following) }
                        }
                        line += 1
                    } else if byte == Self.lineFeed {
                        line += 1
                    }
                }
            }
        }
    }

    /// Every remaining record (for tests and small inputs).
    public mutating func readAll() throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while let record = try next() { records.append(record) }
        return records
    }

    private mutating func nextByte() -> UInt8? {
        if let byte = pushedBack.popLast() { return byte }
        return source.next()
    }

    /// A line break outside quotes: CRLF counts once.
    private mutating func endLine(_ byte: UInt8) {
        if byte == Self.carriageReturn, let following = nextByte(), following != Self.lineFeed { pushedBack.append(following) }
        line += 1
    }

    private mutating func skipByteOrderMark() {
        guard !checkedByteOrderMark else { return }
        checkedByteOrderMark = true
        var read: [UInt8] = []
        for expected: UInt8 in [0xEF, 0xBB, 0xBF] {
            guard let byte = nextByte() else { break }
            read.append(byte)
            guard byte == expected else { break }
        }
        if read != [0xEF, 0xBB, 0xBF] { pushedBack.append(contentsOf: read.reversed()) }
    }

    private static func text(_ bytes: [UInt8], line: Int) throws(CSVError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(line: line) }
        return text
    }
}

extension CSVReader where Source == IndexingIterator<[UInt8]> {
    /// Reads CSV held in memory.
    public init(bytes: [UInt8]) { self.init(bytes.makeIterator()) }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }
}
