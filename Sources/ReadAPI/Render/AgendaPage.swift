import Projections

/// The attendee's agenda as a web page: sessions by day with times in the edition's zone, room,
/// seat or waitlist place at a glance, the projection's flags, calendar links, last update.
enum AgendaPage {
    struct Links {
        /// `webcal://host/agenda/TOKEN.ics`, the same over http(s), and the JSON.
        let webcal: String
        let ics: String
        let json: String
    }

    static func render(_ document: AgendaDocument, links: Links) -> String {
        let e = HTMLPage.escape
        let edition = document.edition
        var body = "<header><p class=\"meta\">\(e(edition.name))\(edition.city.isEmpty ? "" : " · " + e(edition.city))</p>"
        body += "<h1>\(e(document.name))’s agenda</h1>"
        body += "<p class=\"meta\">Times are in \(e(LocalTimes.zoneLabel(edition.timeZone, at: document.sessions.first?.starts))).</p>"
        body += "</header>"
        if document.status == .cancelled { body += "<p class=\"gone\"><strong>This registration was cancelled.</strong></p>" }
        body += "<p class=\"subscribe\">Subscribe in your calendar: <a href=\"\(e(links.webcal))\">add this agenda</a>"
        body += " · or use the <a href=\"\(e(links.ics))\">.ics link</a> (updates within the hour).</p>"
        if document.sessions.isEmpty { body += "<p>No sessions on your agenda yet.</p>" }
        var day = ""
        for entry in document.sessions {
            let entryDay = String(entry.startsLocal.prefix(10))
            if entryDay != day {
                day = entryDay
                body += "<h2>\(e(LocalTimes.dayHeading(entry.startsLocal)))</h2>"
            }
            body += item(entry, zone: edition.timeZone)
        }
        let updated = LocalTimes.local(document.lastChangedAt, .init(identifier: edition.timeZone) ?? .gmt)
        body += "<footer><p>Last updated \(e(LocalTimes.dayHeading(updated))), \(e(LocalTimes.clock(updated))) "
        body += "(\(e(edition.timeZone))).</p><p><a href=\"\(e(links.json))\">This agenda as JSON</a></p></footer>"
        return HTMLPage.document(title: "\(document.name) · \(edition.name)", body: body)
    }

    private static func item(_ entry: AgendaDocument.Entry, zone: String) -> String {
        let e = HTMLPage.escape
        let badge: String
        switch entry.status {
        case .seat: badge = "<span class=\"badge seat\">Seat</span>"
        case .waitlisted: badge = "<span class=\"badge wait\">Waitlist #\(entry.waitlistPosition ?? 0)</span>"
        case .cancelled: badge = "<span class=\"badge\">Cancelled</span>"
        }
        let style = [.seat: " seat", .waitlisted: " wait"][entry.status] ?? " off"
        var html = "<section class=\"item\(style)\"><div class=\"row\">"
        html += HTMLZone.time(span: span(entry.startsLocal, entry.endsLocal), zone: zone, at: entry.starts) + badge + "</div>"
        html += "<div class=\"title\">\(e(entry.title))</div>"
        var details = ["Room " + entry.room]
        if let track = entry.track { details.append("Track: " + track) }
        if !entry.speakers.isEmpty { details.append(entry.speakers.joined(separator: ", ")) }
        html += "<p class=\"meta\">\(e(details.joined(separator: " · ")))</p>"
        if !entry.flags.isEmpty {
            html += "<ul class=\"flags\">"
            for flag in entry.flags { html += "<li>\(marker(flag.kind)) \(e(flag.message))</li>" }
            html += "</ul>"
        }
        return html + "</section>"
    }

    /// "10:00–11:30", with the end's day when it ends on another day.
    static func span(_ starts: String, _ ends: String) -> String {
        let sameDay = starts.prefix(10) == ends.prefix(10)
        return LocalTimes.clock(starts) + "–" + (sameDay ? "" : LocalTimes.dayHeading(ends) + " ") + LocalTimes.clock(ends)
    }

    private static func marker(_ kind: AgendaFlagKind) -> String {
        switch kind {
        case .moved: "<strong>Rescheduled:</strong>"
        case .overlaps: "<strong>Clash:</strong>"
        case .cancelled: "<strong>Cancelled:</strong>"
        case .skipped: "<strong>Waitlist:</strong>"
        }
    }
}
