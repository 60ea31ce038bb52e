import Application
import Arguments
import Domain
import Events

/// `citylab attendee …`: registrations.
enum AttendeeGroup {
    static let spec = CommandSpec(
        "attendee", abstract: "Register attendees and manage their registrations.",
        subcommands: [
            CommandSpec(
                "register", abstract: "Register an attendee.",
                discussion: "Prints the id and the attendee's personal agenda link. The link is shown once: only a hash of it is stored. "
                    + "One active registration per email per edition; emails are case-insensitive.",
                options: [
                    .option("name", valueName: "name", help: "Full name.", isRequired: true),
                    .option("email", valueName: "email", help: "Email address.", isRequired: true),
                    .option("role", valueName: "role", help: "Role at the conference.", isRequired: true, allowedValues: Role.names),
                    .option("organization", valueName: "org", help: "Organization, e.g. 'City of Bogotá'."),
                    .option("city", valueName: "city", help: "Home city."),
                    .option("id", valueName: "id", help: "Choose the id (att_…) instead of a generated one."),
                ],
                examples: ["citylab attendee register --name 'Ana Gómez' --email ana@example.org --role mayor --city Bogotá"]),
            AttendeeImportCommand.spec,
        ])

    static let verbs: [String: Verb] = ["attendee register": register, "attendee import": AttendeeImportCommand.verb]

    static func register(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let id = try attendeeID(p.option("id"))
        let token = AgendaToken.generate()
        let command = Attendee.Register(
            id: id, name: try p.requiredOption("name"), email: try p.requiredOption("email"), role: try p.requiredOption("role"),
            organization: p.option("organization"), city: p.option("city"), tokenHash: AgendaToken.hash(token))
        let store = try invocation.store()
        let conference = try ConferenceDirectory.resolve(p.option("conference"), store: store)
        let outcome = try RegistrationCommands.register(command, conference: conference, runner: try invocation.runner())
        let link = "\(invocation.publicURL)/agenda/\(token)"
        Output.outcome(
            outcome, json: invocation.json,
            humanExtra: ["Personal agenda link (shown once, send it to the attendee): \(link)"],
            jsonExtra: outcome.isDuplicate ? [:] : ["agenda_url": .string(link)])
    }

    /// `--id` as given (`att_ada`) or without its prefix (`ada`); generated when absent.
    static func attendeeID(_ text: String?) throws -> AttendeeID {
        guard let text else { return AttendeeID.make(suffix: RandomID.suffix()) }
        if let id = AttendeeID(text) ?? AttendeeID(AttendeeID.prefix + text) { return id }
        throw AppError.usage("'\(text)' is not a valid attendee id", hint: "use att_ followed by lowercase letters, digits, '-' or '_'")
    }
}
