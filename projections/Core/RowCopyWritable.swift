/// A read-model row: the one way rows are written. It declares its table's columns once, in the
/// table's order, and writes its COPY text line for them (`RowCopyLine`). A test holds every
/// table of every projection to its row's `copyColumns`: a migration that adds a column fails it
/// until the row writes that column too (nothing falls back to another way).
protocol RowCopyWritable: Codable, Sendable {
    /// The table's columns, in its order (`COPY table (copyColumns) FROM STDIN`).
    static var copyColumns: [String] { get }
    /// Writes one column per `copyColumns`, in order, then `line.end()`.
    func writeCopyLine(_ line: inout RowCopyLine) throws
}
