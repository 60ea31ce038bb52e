/// The program as a web page: sessions by day and track, with seats left; and one session.
enum ProgramPage {
    static func render(_ program: EditionProgram) -> String {
        let e = HTMLPage.escape
        let edition = program.edition
        var body = "<header><p class=\"meta\">\(e(edition.city))</p><h1>\(e(edition.name)) · Program</h1>"
        body += "<p class=\"meta\">Times are in \(e(LocalTimes.zoneLabel(edition.timeZone, at: program.sessions.first?.starts))).</p>"
        body += "<p class=\"subscribe\">The whole program in your calendar: <a href=\"/program.ics\">program.ics</a></p></header>"
        if program.sessions.isEmpty { body += "<p>No sessions scheduled yet.</p>" }
        let days = Dictionary(grouping: program.sessions) { String($0.startsLocal.prefix(10)) }
        for day in days.keys.sorted() {
            guard let sessions = days[day], let first = sessions.first else { continue }
            body += "<h2>\(e(LocalTimes.dayHeading(first.startsLocal)))</h2>"
            let tracks = Dictionary(grouping: sessions) { $0.track ?? "" }
            for track in tracksInDayOrder(tracks) {
                if tracks.count > 1 || !track.isEmpty { body += "<h3>\(e(track.isEmpty ? "Other sessions" : track))</h3>" }
                for session in tracks[track] ?? [] { body += item(session, zone: edition.timeZone, link: true) }
            }
        }
        body += "<footer><p>Seats as of event \(program.position) in the log; reload for the latest.</p></footer>"
        return HTMLPage.document(title: "\(edition.name) · Program", body: body)
    }

    /// A day's tracks in the order the day runs: the one starting first (the plenary) leads;
    /// ties by name, sessions without a track last.
    static func tracksInDayOrder(_ tracks: [String: [ProgramSession]]) -> [String] {
        let earliest = tracks.mapValues { $0.map(\.startsLocal).min() ?? "" }
        return tracks.keys.sorted {
            (earliest[$0] ?? "", $0.isEmpty ? 1 : 0, $0) < (earliest[$1] ?? "", $1.isEmpty ? 1 : 0, $1)
        }
    }

    static func render(_ session: ProgramSession, in program: EditionProgram) -> String {
        let e = HTMLPage.escape
        let edition = program.edition
        var body = "<header><p class=\"meta\"><a href=\"/program\">\(e(edition.name)) · Program</a></p>"
        body += "<h1>\(e(session.title))</h1>"
        body += "<p class=\"meta\">\(e(LocalTimes.dayHeading(session.startsLocal))) · times in "
        body += "\(e(LocalTimes.zoneLabel(edition.timeZone, at: session.starts))).</p></header>"
        body += item(session, zone: edition.timeZone, link: false)
        body += "<p class=\"meta\">\(session.seatsTaken) of \(session.capacity) seats taken"
        body += session.rescheduleCount > 0 ? " · rescheduled \(session.rescheduleCount)×</p>" : "</p>"
        return HTMLPage.document(title: "\(session.title) · \(edition.name)", body: body)
    }

    /// "12 seats left", "Full · 4 waitlisted", "Cancelled".
    static func seats(_ session: ProgramSession) -> (text: String, style: String) {
        if session.status == .cancelled { return ("Cancelled", "") }
        if session.seatsLeft > 0 { return ("\(session.seatsLeft) seat\(session.seatsLeft == 1 ? "" : "s") left", "seat") }
        return (session.waitlistLength > 0 ? "Full · \(session.waitlistLength) waitlisted" : "Full", "wait")
    }

    private static func item(_ session: ProgramSession, zone: String, link: Bool) -> String {
        let e = HTMLPage.escape
        let (text, style) = seats(session)
        var html = "<section class=\"item \(session.status == .cancelled ? "off" : style)\"><div class=\"row\">"
        html += HTMLZone.time(span: AgendaPage.span(session.startsLocal, session.endsLocal), zone: zone, at: session.starts)
        html += "<span class=\"badge \(style)\">\(e(text))</span></div>"
        let title = e(session.title)
        let path = "/sessions/" + (session.session.addingPercentEncodingForPath)
        html += "<div class=\"title\">\(link ? "<a href=\"\(e(path))\">\(title)</a>" : title)</div>"
        var details = ["Room " + session.room]
        if !session.speakers.isEmpty { details.append(session.speakers.joined(separator: ", ")) }
        return html + "<p class=\"meta\">\(e(details.joined(separator: " · ")))</p></section>"
    }
}
