import Application
import Arguments

/// `citylab agenda add|drop`: attendees' enrollments.
enum AgendaGroup {
    static let spec = CommandSpec(
        "agenda", abstract: "Enroll attendees into sessions, with capacity and waitlists.",
        subcommands: [
            CommandSpec(
                "add", abstract: "Enroll: a seat if one is free, else a place on the waitlist (prints the position).",
                discussion: "Refused if it overlaps a session the attendee already holds a seat in.",
                arguments: [
                    ArgumentSpec("attendee", help: "The attendee's id (att_…) or email."),
                    ArgumentSpec("session", help: "The session's id (ses_…)."),
                ],
                examples: ["citylab agenda add ana@example.org ses_k3q9x2mw"]),
            CommandSpec(
                "drop", abstract: "Leave a session or its waitlist; a freed seat goes to the first waitlisted attendee.",
                arguments: [
                    ArgumentSpec("attendee", help: "The attendee's id (att_…) or email."),
                    ArgumentSpec("session", help: "The session's id (ses_…)."),
                ],
                examples: ["citylab agenda drop ana@example.org ses_k3q9x2mw"]),
            AgendaShowCommand.spec,
        ])

    static let verbs: [String: Verb] = ["agenda add": add, "agenda drop": drop, "agenda show": AgendaShowCommand.verb]

    static func add(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let outcome = try ProgramCommands.add(
            attendee: try p.argumentValue("attendee"), session: try References.session(try p.argumentValue("session")),
            conference: try invocation.conference(), runner: try invocation.runner())
        invocation.report(outcome, humanExtra: outcome.notes)
    }

    static func drop(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let outcome = try ProgramCommands.drop(
            attendee: try p.argumentValue("attendee"), session: try References.session(try p.argumentValue("session")),
            conference: try invocation.conference(), runner: try invocation.runner())
        invocation.report(outcome, humanExtra: outcome.notes)
    }
}
