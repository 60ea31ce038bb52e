import Application
import Arguments
import Domain
import Events

/// `citylab session schedule|reschedule|cancel`: the program.
enum SessionGroup {
    static let timeHelp = "YYYY-MM-DDTHH:MM in the edition's zone, or ISO 8601 with an offset."

    static let spec = CommandSpec(
        "session", abstract: "Schedule, move and cancel sessions of the program.",
        subcommands: [
            CommandSpec(
                "schedule", abstract: "Schedule a session.",
                discussion: "Refused if the room is already booked at an overlapping time or the time falls outside the edition. "
                    + "Prints the times as the edition's clock reads them, with its zone named.",
                options: [
                    .option("title", valueName: "title", help: "The session's title.", isRequired: true),
                    .option("room", valueName: "room", help: "Where it happens.", isRequired: true),
                    .option("starts", valueName: "time", help: "Start: \(timeHelp)", isRequired: true),
                    .option("ends", valueName: "time", help: "End: \(timeHelp)", isRequired: true),
                    .option("capacity", valueName: "seats", help: "Number of seats (1 or more).", isRequired: true),
                    .option("track", valueName: "track", help: "Track, e.g. 'Data and evidence'."),
                    .option("speaker", valueName: "name", help: "A speaker's name.", isRepeating: true),
                    .option("id", valueName: "id", help: "Choose the id (ses_…) instead of a generated one."),
                ],
                examples: [
                    "citylab session schedule --title 'What Works Cities: data to decisions' --room 'Sala Bolívar' --starts 2026-10-14T09:00 --ends 2026-10-14T10:30 --capacity 120 --track 'Data and evidence' --speaker 'Ana Gómez'"
                ]),
            CommandSpec(
                "reschedule", abstract: "Move a session or change its capacity; enrolled attendees keep their seats.",
                discussion: "Same rules as schedule. Raising the capacity promotes from the waitlist; lowering it never evicts. "
                    + "Giving only --starts keeps the session's length. Prints what changed (times in the edition's zone) "
                    + "and who moved up from the waitlist or now has an overlap.",
                arguments: [ArgumentSpec("session", help: "The session's id (ses_…).")],
                options: [
                    .option("room", valueName: "room", help: "New room."),
                    .option("starts", valueName: "time", help: "New start: \(timeHelp)"),
                    .option("ends", valueName: "time", help: "New end: \(timeHelp)"),
                    .option("capacity", valueName: "seats", help: "New number of seats."),
                ],
                examples: [
                    "citylab session reschedule ses_k3q9x2mw --starts 2026-10-14T14:00",
                    "citylab session reschedule ses_k3q9x2mw --capacity 150",
                ]),
            CommandSpec(
                "cancel", abstract: "Cancel a session; it leaves every agenda.",
                arguments: [ArgumentSpec("session", help: "The session's id (ses_…).")],
                options: [.option("reason", valueName: "text", help: "Why, for the record.")],
                examples: ["citylab session cancel ses_k3q9x2mw --reason 'speaker unwell'"]),
            SessionListCommand.spec,
            SessionRosterCommand.spec,
        ])

    static let verbs: [String: Verb] = [
        "session schedule": schedule, "session reschedule": reschedule, "session cancel": cancel,
        "session list": SessionListCommand.verb, "session roster": SessionRosterCommand.verb,
    ]

    static func schedule(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let id = try typedID(p.option("id"), SessionID.self)
        guard let capacity = try p.int("capacity") else { throw AppError.usage("missing --capacity", hint: nil) }
        let command = Session.Schedule(
            id: id, conference: try invocation.conference(), title: try p.requiredOption("title"), room: try p.requiredOption("room"),
            starts: try p.requiredOption("starts"), ends: try p.requiredOption("ends"), capacity: capacity, track: p.option("track"),
            speakers: p.options("speaker"))
        invocation.report(try ProgramCommands.schedule(command, runner: try invocation.runner()))
    }

    static func reschedule(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let command = Session.Reschedule(
            session: try References.session(try p.argumentValue("session")), room: p.option("room"), starts: p.option("starts"),
            ends: p.option("ends"), capacity: try p.int("capacity"))
        let outcome = try ProgramCommands.reschedule(command, runner: try invocation.runner())
        invocation.report(outcome, humanExtra: outcome.notes)
    }

    static func cancel(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let command = Session.Cancel(session: try References.session(try p.argumentValue("session")), reason: p.option("reason"))
        invocation.report(try ProgramCommands.cancel(command, runner: try invocation.runner()))
    }

    /// `--id` as given (`ses_x`) or without its prefix (`x`); generated when absent.
    static func typedID<ID: TypedID>(_ text: String?, _ type: ID.Type) throws -> ID {
        guard let text else { return ID.make(suffix: RandomID.suffix()) }
        if let id = try References.parse(text, as: ID.self) { return id }
        throw AppError.usage(
            "'\(text)' is not a valid \(ID.noun) id", hint: "use \(ID.prefix) followed by lowercase letters, digits, '-' or '_'")
    }
}
