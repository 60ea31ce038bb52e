import Application
import Arguments
import Events
import Projections

/// `citylab session roster S`: seat holders and the waitlist in order, from the program read model.
enum SessionRosterCommand {
    static let spec = CommandSpec(
        "roster", abstract: "Show who holds a seat in a session and who waits, in order.",
        arguments: [ArgumentSpec("session", help: "The session id (ses_…).")],
        examples: ["citylab session roster ses_k3q9x2mw"])

    static let verb: Verb = { invocation in
        let text = invocation.parsed.argument("session") ?? ""
        guard let id = SessionID(text) else {
            throw AppError.usage("'\(text)' is not a session id", hint: "give the session's id (ses_…), as 'citylab session list' shows")
        }
        let connection = try invocation.readModels()
        guard let session = try ReadModels.session(id.rawValue, connection) else {
            throw AppError.usage("no session \(id) in the program", hint: "see 'citylab session list'")
        }
        let roster = try ReadModels.roster(session: id.rawValue, connection)
        if invocation.json { return try QueryJSON.print("roster", roster, extra: ["session": try QueryJSON.value(session)]) }
        Output.line(
            "\(session.title) (\(session.session)), \(session.room): \(session.seatsTaken)/\(session.capacity) seats, "
                + "\(session.waitlistLength) waitlisted\(session.status == .cancelled ? ", CANCELLED" : "")")
        var table = TextTable("KIND", "#", "ATTENDEE", "NAME")
        for (index, entry) in roster.enumerated() {
            table.add(entry.kind.rawValue, entry.position.map(String.init) ?? String(index + 1), entry.attendee, entry.name)
        }
        table.print(empty: "Nobody holds a seat or waits yet.")
    }
}
