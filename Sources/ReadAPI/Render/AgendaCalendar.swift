import Projections

/// An attendee's agenda as an RFC 5545 calendar to subscribe to: one VEVENT per session, in
/// UTC, a stable UID per session, SEQUENCE = reschedules plus one once cancelled (RFC 5545
/// §3.8.7.4: a cancellation is a significant revision), DTSTAMP = the last event that touched
/// the entry (the same state always gives the same bytes), TENTATIVE while waitlisted.
enum AgendaCalendar {
    static let prodID = "-//CityLab//citylab read API//EN"

    static func render(_ document: AgendaDocument) -> [UInt8] {
        var writer = ICalendarWriter()
        header(&writer, name: "\(document.edition.name) · \(document.name)", zone: document.edition.timeZone)
        for entry in document.sessions {
            writer.raw("BEGIN", "VEVENT")
            writer.text("UID", "\(entry.session)@citylab")
            writer.raw("DTSTAMP", ICalendarWriter.utc(entry.lastChangedAt) ?? epoch)
            writer.raw("DTSTART", ICalendarWriter.utc(entry.starts) ?? epoch)
            writer.raw("DTEND", ICalendarWriter.utc(entry.ends) ?? epoch)
            writer.raw("SEQUENCE", String(sequence(revisions: entry.sequence, cancelled: entry.status == .cancelled)))
            var summary = entry.title
            var description: [String]
            switch entry.status {
            case .seat:
                description = ["You have a seat."]
                writer.raw("STATUS", "CONFIRMED")
                writer.raw("TRANSP", "OPAQUE")
            case .waitlisted:
                let position = entry.waitlistPosition ?? 0
                summary += " (waitlist #\(position))"
                description = ["You are on the waitlist, position \(position)."]
                writer.raw("STATUS", "TENTATIVE")
                writer.raw("TRANSP", "TRANSPARENT")
            case .cancelled:
                description = ["This session was cancelled."]
                writer.raw("STATUS", "CANCELLED")
                writer.raw("TRANSP", "TRANSPARENT")
            }
            writer.text("SUMMARY", summary)
            writer.text("LOCATION", entry.room)
            if let track = entry.track { description.append("Track: \(track)") }
            if !entry.speakers.isEmpty { description.append("Speakers: \(entry.speakers.joined(separator: ", "))") }
            description += entry.flags.map(\.message)
            writer.text("DESCRIPTION", description.joined(separator: "\n"))
            writer.raw("END", "VEVENT")
        }
        writer.raw("END", "VCALENDAR")
        return writer.bytes
    }

    static let epoch = "19700101T000000Z"

    /// SEQUENCE: each reschedule is a revision, and so is the cancellation (never undone, so the
    /// number only grows).
    static func sequence(revisions: Int, cancelled: Bool) -> Int { revisions + (cancelled ? 1 : 0) }

    /// The calendar's own properties (RFC 5545, RFC 7986 REFRESH-INTERVAL, the de-facto X-WR-*).
    static func header(_ writer: inout ICalendarWriter, name: String, zone: String) {
        writer.raw("BEGIN", "VCALENDAR")
        writer.raw("VERSION", "2.0")
        writer.text("PRODID", prodID)
        writer.raw("CALSCALE", "GREGORIAN")
        writer.raw("METHOD", "PUBLISH")
        writer.text("X-WR-CALNAME", name)
        writer.text("X-WR-TIMEZONE", zone)
        writer.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT1H")
        writer.raw("X-PUBLISHED-TTL", "PT1H")
    }
}
