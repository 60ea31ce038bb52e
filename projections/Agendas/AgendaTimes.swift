import Domain
import Events
import Foundation

/// Times and flags as agendas show them, in the edition's zone.
enum AgendaTimes {
    /// `2026-10-14T15:00:00Z` → `2026-10-14T10:00` in `zone`.
    static func local(_ instant: String, _ zone: TimeZone) -> String {
        guard let date = try? Date(instant, strategy: .iso8601) else { return instant }
        return LocalDateTime.format(date, in: zone)
    }

    /// "moved from 10:00 to 14:00" (dates too when the day changed; rooms when the room did).
    static func moved(_ moved: SessionRescheduled, _ zone: TimeZone) -> String {
        let from = LocalDateTime.format(moved.previousStarts, in: zone)
        let to = LocalDateTime.format(moved.starts, in: zone)
        var parts: [String] = []
        if from != to {
            let sameDay = from.prefix(10) == to.prefix(10)
            let show = { (text: String) in sameDay ? String(text.dropFirst(11)) : text.replacingOccurrences(of: "T", with: " ") }
            parts.append("from \(show(from)) to \(show(to))")
        } else if moved.previousEnds != moved.ends {
            parts.append("now ends at \(LocalDateTime.format(moved.ends, in: zone).dropFirst(11))")
        }
        if moved.previousRoom != moved.room { parts.append("from room \(moved.previousRoom) to \(moved.room)") }
        return "moved " + (parts.isEmpty ? "" : parts.joined(separator: " and "))
    }
}

/// Overlap flags, derived from the document itself: two held seats whose times overlap.
enum AgendaOverlaps {
    /// Sorts the sessions by start and recomputes every `overlaps` flag.
    static func flag(_ document: inout AgendaDocument) {
        document.sessions.sort { ($0.starts, $0.title, $0.session) < ($1.starts, $1.title, $1.session) }
        let seats = document.sessions.filter { $0.status == "seat" }
        for index in document.sessions.indices {
            let entry = document.sessions[index]
            var flags = entry.flags.filter { $0.kind != "overlaps" }
            if entry.status == "seat" {
                for other in seats where other.session != entry.session && other.starts < entry.ends && entry.starts < other.ends {
                    flags.append(
                        AgendaDocument.Flag(
                            kind: "overlaps",
                            message: "now overlaps '\(other.title)' (\(other.startsLocal.suffix(5))–\(other.endsLocal.suffix(5)))",
                            session: other.session))
                }
            }
            document.sessions[index].flags = flags
        }
    }
}
