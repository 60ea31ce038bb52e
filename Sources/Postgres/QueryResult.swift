/// The rows and command status of one statement, copied out of libpq (no C memory is kept).
public struct QueryResult: Sendable, Sequence {
    public let columns: [String]
    public let rows: [Row]
    /// Rows inserted, updated, deleted, copied or selected, from the command tag; 0 when it has none.
    public let affectedRows: Int

    public init(columns: [String], rows: [Row], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    public var first: Row? { rows.first }
    public var isEmpty: Bool { rows.isEmpty }
    public var count: Int { rows.count }

    public func makeIterator() -> IndexingIterator<[Row]> {
        rows.makeIterator()
    }
}
