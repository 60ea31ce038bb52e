/// One record of a CSV file: its fields, and the physical line where it starts (a record
/// with a quoted line break spans several lines; this is the first).
public struct CSVRecord: Equatable, Sendable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
