import Domain
import Events

extension PlacementAudit.Report {
    /// The readable form: what moment this is, then per placement a header line (scholar,
    /// city, host, project, cohort, status then) and one aligned line per event.
    public var text: String {
        var lines = [summary]
        let entries = placements.flatMap(\.history)
        let widths = (
            position: entries.map { "#\($0.position)".count }.max() ?? 0,
            actor: entries.map(\.by.count).max() ?? 0,
            command: entries.map(\.commandID.count).max() ?? 0,
            event: entries.map(\.event.count).max() ?? 0,
            status: entries.map { ($0.status?.rawValue ?? "").count }.max() ?? 0
        )
        for record in placements {
            lines.append("")
            lines.append(Self.oneLine(Self.header(record)))
            for entry in record.history {
                let columns = [
                    Self.pad("#\(entry.position)", widths.position, right: true), entry.recordedAt,
                    Self.pad(entry.by, widths.actor), Self.pad(entry.commandID, widths.command),
                    Self.pad(entry.event, widths.event), Self.pad(entry.status?.rawValue ?? "", widths.status),
                    entry.details.map { "\($0.label): \($0.value)" }.joined(separator: "; "),
                ]
                lines.append(Self.oneLine(("  " + columns.joined(separator: "  ")).trimmingTrailingSpaces))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The first line: the moment, the position it maps to, the head, how many placements, the filters.
    var summary: String {
        let recorded =
            cutoff.position > 0 ? "position \(cutoff.position), recorded \(cutoff.recordedAt ?? "?")" : "position 0, before the first event"
        let moment: String
        switch cutoff.moment {
        case .now: moment = "Placements now (\(recorded))"
        case .position(let asked) where asked > cutoff.head:
            moment = "Position \(asked) is beyond the head; the current state (\(recorded))"
        case .position: moment = "Placements as of \(recorded) (head \(cutoff.head))"
        case .instant:
            let last = cutoff.position > 0 ? "\(recorded), the last event by then" : recorded
            moment = "Placements as of \(cutoff.requestedInstant ?? "?") (\(last); head \(cutoff.head))"
        }
        var filters: [String] = []
        if let scholar { filters.append("scholar \(scholar)") }
        if let city { filters.append("city \(city)") }
        let count = placements.isEmpty ? "no placements" : placements.count == 1 ? "1 placement" : "\(placements.count) placements"
        return moment + ": " + count + (filters.isEmpty ? "" : " (" + filters.joined(separator: ", ") + ")") + "."
    }

    static func header(_ record: PlacementAuditRecord) -> String {
        let scholar = record.scholar.admitted.map { "\($0.name) <\($0.email)> (\($0.scholar))" } ?? record.scholarName
        let opening = record.opening.created.map { "\($0.city), \($0.country) · \($0.host) · \($0.project) (\($0.opening))" } ?? "?"
        let cohort = record.state.cohort.map { "cohort \($0)" } ?? "?"
        return "\(record.placement)  \(scholar) → \(opening) · \(cohort) · \(record.status?.rawValue ?? "?")"
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Free text on one line: line breaks shown as `⏎` and other control characters as `�`, so
    /// a note can neither forge a history line nor send escape sequences to the terminal.
    static func oneLine(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.replacing("\r\n", with: "\n").unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D: out.append("⏎")
            case 0x00..<0x20, 0x7F..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
