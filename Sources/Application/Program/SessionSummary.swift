import Domain
import Events
import Foundation

/// What `session schedule` and `session reschedule` report: the session's room, times and
/// capacity as decided, times on the edition's wall clock with its zone named (an input given
/// with another offset is shown as the edition reads it), for people and for `--json`.
enum SessionSummary {
    /// "Scheduled 'Title' (ses_x) in Room, 2026-10-14T09:00–10:30 America/Bogota, 120 seats."
    static func scheduled(_ event: SessionScheduled, _ edition: Edition) -> SessionResult {
        let span = TimeSpan(starts: event.starts, ends: event.ends)
        let message =
            "Scheduled '\(event.title)' (\(event.session)) in \(event.room), \(edition.text(span)), \(seats(event.capacity))."
        return state(id: event.session.rawValue, message: message, room: event.room, span, capacity: event.capacity, edition)
    }

    /// "Changed 'Title' (ses_x): room Sala 2 (was Sala Bolívar); 2026-10-14T14:00–15:30
    /// America/Bogota (was 2026-10-14T09:00–10:30); 150 seats (was 120)." and what follows from it.
    static func rescheduled(
        _ events: [PendingEvent], before: Session.State, _ edition: Edition
    ) -> SessionResult {
        let title = "'\(before.title)' (\(before.scheduled?.session.rawValue ?? ""))"
        let moved = events.lazy.compactMap { $0.event as? SessionRescheduled }.first
        let resized = events.lazy.compactMap { $0.event as? SessionCapacityChanged }.first
        let room = moved?.room ?? before.room
        let span = moved.map { TimeSpan(starts: $0.starts, ends: $0.ends) } ?? before.span
        let capacity = resized?.capacity ?? before.capacity
        var changes: [String] = []
        var changed: [SessionResult.Change] = []
        if room != before.room {
            changes.append("room \(room) (was \(before.room))")
            changed.append(.room)
        }
        if span != before.span {
            changes.append("\(edition.text(span)) (was \(before.span.text(in: edition.zone)))")
            changed.append(.times)
        }
        if let resized {
            changes.append("\(seats(resized.capacity)) (was \(resized.previousCapacity))")
            changed.append(.capacity)
        }
        var message = changes.isEmpty ? "Nothing changed for \(title)." : "Changed \(title): \(changes.joined(separator: "; "))."
        let followed = EventNotes.count(SeatTimesChanged.self, in: events)
        if followed > 0 {
            message += " \(followed) seat holder\(followed == 1 ? " keeps their seat" : "s keep their seats") at the new time."
        }
        let promoted = EventNotes.count(PromotedFromWaitlist.self, in: events)
        if promoted > 0 { message += " \(promoted) moved up from the waitlist." }
        var result = state(
            id: before.scheduled?.session.rawValue ?? "", message: message, room: room, span, capacity: capacity, edition)
        result.changed = changed
        return result
    }

    /// `room`, `starts` and `ends` (ISO 8601 on the edition's wall clock, with its offset),
    /// `time_zone` and `capacity`.
    static func state(id: String, message: String, room: String, _ span: TimeSpan, capacity: Int, _ edition: Edition) -> SessionResult {
        SessionResult(
            id: id, message: message, room: room, starts: iso(span.starts, edition.zone), ends: iso(span.ends, edition.zone),
            timeZone: edition.zone.identifier, capacity: capacity)
    }

    /// `2026-10-14T09:00-05:00`: the wall clock in `zone` and the offset it has then.
    static func iso(_ date: Date, _ zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        let (hours, minutes) = (abs(offset) / 3600, abs(offset) % 3600 / 60)
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return LocalDateTime.format(date, in: zone) + (offset < 0 ? "-" : "+") + pad(hours) + ":" + pad(minutes)
    }

    private static func seats(_ count: Int) -> String { "\(count) seat\(count == 1 ? "" : "s")" }
}
