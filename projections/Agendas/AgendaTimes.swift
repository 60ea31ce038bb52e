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

    /// "moved from 10:00 to 14:00" (dates too when the day changed; rooms when the room did),
    /// from `from` (where it was when the attendee signed up); nil when it is back there.
    /// `local` spells an instant in the zone (`local(_:_:)`, or a cache of it).
    static func moved(
        from: AgendaSessionRow.Slot, to: AgendaSessionRow.Slot, _ zone: TimeZone,
        local: (String, TimeZone) -> String = AgendaTimes.local
    ) -> String? {
        let starts = (from: local(from.starts, zone), to: local(to.starts, zone))
        var parts: [String] = []
        if starts.from != starts.to {
            let sameDay = starts.from.prefix(10) == starts.to.prefix(10)
            // Local spellings are ASCII (`2026-10-14T10:00`): the T becomes a space byte for byte.
            let show = { (text: String) in
                sameDay
                    ? String(text.dropFirst(11))
                    : String(decoding: text.utf8.map { $0 == UInt8(ascii: "T") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            }
            parts.append("from \(show(starts.from)) to \(show(starts.to))")
        } else if from.ends != to.ends {
            parts.append("now ends at \(local(to.ends, zone).dropFirst(11))")
        }
        if from.room != to.room { parts.append("from room \(from.room) to \(to.room)") }
        return parts.isEmpty ? nil : "moved " + parts.joined(separator: " and ")
    }
}

/// Overlap flags, derived from the document itself: two held seats whose times overlap.
enum AgendaOverlaps {
    /// Sorts the sessions by start and recomputes every `overlaps` flag.
    static func flag(_ document: inout AgendaDocument) {
        document.sessions.sort { ($0.starts, $0.title, $0.session) < ($1.starts, $1.title, $1.session) }
        let seats = document.sessions.filter { $0.status == .seat }
        for index in document.sessions.indices {
            let entry = document.sessions[index]
            var flags = entry.flags.filter { $0.kind != .overlaps }
            if entry.status == .seat {
                for other in seats where other.session != entry.session && other.starts < entry.ends && entry.starts < other.ends {
                    flags.append(
                        AgendaDocument.Flag(
                            kind: .overlaps,
                            message: "now overlaps '\(other.title)' (\(other.startsLocal.suffix(5))–\(other.endsLocal.suffix(5)))",
                            session: other.session))
                }
            }
            document.sessions[index].flags = flags
        }
    }
}

/// Skipped flags, kept true to the document: "skipped … while it clashes with X" stays only
/// while the entry is waitlisted and X is a seat on the same agenda that still overlaps it.
enum AgendaSkips {
    static func prune(_ document: inout AgendaDocument) {
        guard document.sessions.contains(where: { entry in entry.flags.contains { $0.kind == .skipped } }) else { return }
        let seats = document.sessions.filter { $0.status == .seat }
        for index in document.sessions.indices {
            let entry = document.sessions[index]
            document.sessions[index].flags.removeAll { flag in
                guard flag.kind == .skipped else { return false }
                guard entry.status == .waitlisted else { return true }
                return !seats.contains { $0.session == flag.session && $0.starts < entry.ends && entry.starts < $0.ends }
            }
        }
    }
}
