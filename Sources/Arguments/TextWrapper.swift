/// Greedy line filling for help text. Widths count Characters, so accented names stay aligned.
enum TextWrapper {
    static let width = 80

    /// Fills lines with `atoms` joined by single spaces, never splitting an atom.
    /// The first line starts with `firstPrefix`, the others with `restPrefix`.
    /// An atom longer than a line gets a line of its own.
    static func wrap(_ atoms: [String], firstPrefix: String, restPrefix: String) -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineHasAtom = false
        for atom in atoms {
            if lineHasAtom && line.count + 1 + atom.count > width {
                lines.append(line)
                line = restPrefix + atom
            } else {
                line += (lineHasAtom ? " " : "") + atom
            }
            lineHasAtom = true
        }
        lines.append(line)
        return lines
    }

    /// Wraps prose: splits on spaces, and each `\n` starts a new line with `restPrefix`.
    static func wrap(prose: String, firstPrefix: String, restPrefix: String) -> [String] {
        var lines: [String] = []
        for (number, paragraph) in prose.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let words = paragraph.split(separator: " ").map(String.init)
            let prefix = number == 0 ? firstPrefix : restPrefix
            lines += wrap(words, firstPrefix: prefix, restPrefix: restPrefix)
        }
        return lines.map { $0.trailingSpacesRemoved }
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
