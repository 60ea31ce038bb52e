import Application
import Arguments
import Domain
import Events
import Projections

/// `citylab agenda show A`: an attendee's agenda (by id or email) from the agendas read model.
enum AgendaShowCommand {
    static let spec = CommandSpec(
        "show", abstract: "Show an attendee's agenda: seats, waitlist places, times in the conference's zone, changes.",
        arguments: [ArgumentSpec("attendee", help: "The attendee's id (att_…) or email.")],
        examples: ["citylab agenda show att_k3q9x2mw", "citylab agenda show ana@example.org --json"])

    static let verb: Verb = { invocation in
        let text = invocation.parsed.argument("attendee") ?? ""
        let store = try invocation.store()
        let id: String
        if let attendee = AttendeeID(text) {
            id = attendee.rawValue
        } else if text.contains("@") {
            let conference = try ConferenceDirectory.resolve(invocation.parsed.option("conference"), store: store)
            guard let row = try ReadModels.attendee(email: text, conference: conference.rawValue, try invocation.readModels()) else {
                throw Rejection(
                    "unknown-attendee", "nobody is registered as \(text.lowercased()) for \(conference)",
                    hint: "see 'citylab attendee list'")
            }
            id = row.id
        } else {
            throw AppError.usage("'\(text)' is neither an attendee id nor an email", hint: "give att_… or the email they registered with")
        }
        guard let agenda = try ReadModels.agenda(attendee: id, try invocation.readModels()) else {
            throw Rejection("unknown-attendee", "no attendee \(id)", hint: "see 'citylab attendee list'")
        }
        if invocation.json { return Output.json(try QueryJSON.value(agenda)) }
        AgendaText.print(agenda)
    }
}

/// The human rendering of an agenda.
enum AgendaText {
    static func print(_ agenda: AgendaDocument) {
        let status = agenda.status == .registered ? "" : " [\(agenda.status.rawValue)]"
        Output.line(
            "\(agenda.name) (\(agenda.attendee))\(status): \(agenda.edition.name), \(agenda.edition.city) — times in \(agenda.edition.timeZone)"
        )
        var table = TextTable("WHEN", "TITLE", "ROOM", "STATUS")
        for entry in agenda.sessions {
            let when = entry.startsLocal.replacingOccurrences(of: "T", with: " ") + "–" + entry.endsLocal.suffix(5)
            let status = entry.status == .waitlisted ? "waitlist #\(entry.waitlistPosition ?? 0)" : entry.status.rawValue
            // Each change on its own line under the session, in full: moved, overlaps, cancelled, skipped.
            table.add([when, entry.title, entry.room, status], notes: entry.flags.map(\.message))
        }
        table.print(empty: "No sessions on this agenda yet.")
        Output.line("Last changed at \(agenda.lastChangedAt) (position \(agenda.lastChangedPosition)).")
    }
}
