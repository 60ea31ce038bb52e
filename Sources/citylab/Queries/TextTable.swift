import Foundation
import Glibc

/// Aligned columns for human output. On a terminal they fit its width (TIOCGWINSZ on stdout,
/// else COLUMNS): the widest columns shrink first, cut with "…"; ids and times are never cut.
/// Piped or redirected output is never cut. A row may carry notes, printed in full on their
/// own indented lines under it.
struct TextTable {
    let headers: [String]
    var rows: [[String]] = []
    /// Notes under each row (same index as `rows`).
    var notes: [[String]] = []

    /// Columns that keep their full width: an id or a time cut short is useless.
    static let whole: Set<String> = ["ID", "WHEN", "SINCE", "UPDATED", "STARTS", "ENDS", "PERIOD"]

    init(_ headers: String...) { self.headers = headers }

    mutating func add(_ cells: String...) { add(cells, notes: []) }

    mutating func add(_ cells: [String], notes: [String]) {
        rows.append(cells)
        self.notes.append(notes)
    }

    /// The width to fit: the terminal's when stdout is one; nil (no limit) otherwise.
    static var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        return nil
    }

    func render(width: Int? = TextTable.width) -> String {
        var widths = headers.indices.map { column in ([headers] + rows).map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
        if let width {
            let gaps = 2 * max(0, headers.count - 1)
            let shrinkable = headers.indices.filter { !Self.whole.contains(headers[$0]) }
            while widths.reduce(0, +) + gaps > width, let widest = shrinkable.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
                widths[widest] -= 1
            }
        }
        var lines = [line(headers, widths)]
        for (index, cells) in rows.enumerated() {
            lines.append(line(cells, widths))
            for note in notes[index] { lines.append("      - " + note) }
        }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        headers.indices.map { column in
            let cell = cells.count > column ? cells[column] : ""
            let fitted = cell.count > widths[column] ? String(cell.prefix(widths[column] - 1)) + "…" : cell
            return column == headers.count - 1 ? fitted : fitted.padding(toLength: widths[column], withPad: " ", startingAt: 0)
        }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }

    /// Prints the table, or `empty` when there are no rows.
    func print(empty: String) {
        Output.line(rows.isEmpty ? empty : render())
    }
}
