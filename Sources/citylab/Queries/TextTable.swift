import Foundation

/// Aligned columns for human output, fitted to the terminal (COLUMNS, else 100; at least 80,
/// at most 120 when not a terminal): the widest columns shrink first, cut with "…".
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { rows.append(cells) }

    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        return 100
    }

    func render(width: Int = TextTable.width) -> String {
        var widths = headers.indices.map { column in ([headers] + rows).map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        let gaps = 2 * max(0, headers.count - 1)
        while widths.reduce(0, +) + gaps > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
        }
        return ([headers] + rows).map { cells in
            headers.indices.map { column in
                let cell = cells.count > column ? cells[column] : ""
                let fitted = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
                return column == headers.count - 1 ? fitted : fitted.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// Prints the table, or `empty` when there are no rows.
    func print(empty: String) {
        Output.line(rows.isEmpty ? empty : render())
    }
}
