/// The whole program of an edition as one RFC 5545 calendar (same rules as `AgendaCalendar`).
enum ProgramCalendar {
    static func render(_ program: EditionProgram) -> [UInt8] {
        var writer = ICalendarWriter()
        AgendaCalendar.header(&writer, name: "\(program.edition.name) · Program", zone: program.edition.timeZone)
        for session in program.sessions {
            writer.raw("BEGIN", "VEVENT")
            writer.text("UID", "\(session.session)@program.citylab")
            writer.raw("DTSTAMP", ICalendarWriter.utc(session.lastChangedAt) ?? AgendaCalendar.epoch)
            writer.raw("DTSTART", ICalendarWriter.utc(session.starts) ?? AgendaCalendar.epoch)
            writer.raw("DTEND", ICalendarWriter.utc(session.ends) ?? AgendaCalendar.epoch)
            writer.raw(
                "SEQUENCE", String(AgendaCalendar.sequence(revisions: session.rescheduleCount, cancelled: session.status == .cancelled)))
            writer.raw("STATUS", session.status == .cancelled ? "CANCELLED" : "CONFIRMED")
            writer.raw("TRANSP", "TRANSPARENT")
            writer.text("SUMMARY", session.title)
            writer.text("LOCATION", session.room)
            var description = [ProgramPage.seats(session).text]
            if let track = session.track { description.append("Track: \(track)") }
            if !session.speakers.isEmpty { description.append("Speakers: \(session.speakers.joined(separator: ", "))") }
            writer.text("DESCRIPTION", description.joined(separator: "\n"))
            writer.raw("END", "VEVENT")
        }
        writer.raw("END", "VCALENDAR")
        return writer.bytes
    }
}
