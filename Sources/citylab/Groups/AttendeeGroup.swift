import Application
import Arguments
import Domain
import Events
import Foundation

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
            CommandSpec(
                "cancel", abstract: "Cancel a registration; frees every seat it held (waitlists move up).",
                arguments: [ArgumentSpec("attendee", help: "The attendee's id (att_…) or email.")],
                options: [.option("reason", valueName: "text", help: "Why, for the record.")],
                examples: ["citylab attendee cancel ana@example.org --reason 'travel cancelled'"]),
            CommandSpec(
                "check-in", abstract: "Record an attendee's arrival at the venue.",
                arguments: [ArgumentSpec("attendee", help: "The attendee's id (att_…) or email.")],
                examples: ["citylab attendee check-in att_k3q9x2mw"]),
            CommandSpec(
                "reissue-link", abstract: "Give an attendee a new personal agenda link; the old one stops working.",
                arguments: [ArgumentSpec("attendee", help: "The attendee's id (att_…) or email.")],
                examples: ["citylab attendee reissue-link ana@example.org"]),
            AttendeeImportCommand.spec,
            AttendeeListCommand.spec,
        ])

    static let verbs: [String: Verb] = [
        "attendee register": register, "attendee cancel": cancel, "attendee check-in": checkIn, "attendee reissue-link": reissueLink,
        "attendee import": AttendeeImportCommand.verb, "attendee list": AttendeeListCommand.verb,
    ]

    static func cancel(_ invocation: Invocation) throws {
        let (reference, conference) = try target(invocation)
        let outcome = try LifecycleCommands.cancel(
            attendee: reference, reason: invocation.parsed.option("reason"), conference: conference, runner: try invocation.runner())
        invocation.report(outcome, humanExtra: outcome.notes)
    }

    static func checkIn(_ invocation: Invocation) throws {
        let (reference, conference) = try target(invocation)
        let outcome = try LifecycleCommands.checkIn(
            attendee: reference, at: Date(), conference: conference, runner: try invocation.runner())
        invocation.report(outcome)
    }

    static func reissueLink(_ invocation: Invocation) throws {
        let (reference, conference) = try target(invocation)
        let token = AgendaToken.generate()
        let outcome = try LifecycleCommands.reissueLink(
            attendee: reference, tokenHash: AgendaToken.hash(token), conference: conference, runner: try invocation.runner())
        let link = "\(invocation.publicURL)/agenda/\(token)"
        invocation.report(
            outcome, humanExtra: ["Personal agenda link (shown once): \(link)"],
            jsonExtra: outcome.isDuplicate ? [:] : ["agenda_url": .string(link)])
    }

    /// The attendee argument and the edition it is resolved in.
    static func target(_ invocation: Invocation) throws -> (String, ConferenceID) {
        let reference = try invocation.parsed.argumentValue("attendee")
        return (reference, try invocation.conference())
    }

    static func register(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let id = try SessionGroup.typedID(p.option("id"), AttendeeID.self)
        let token = AgendaToken.generate()
        let command = Attendee.Register(
            id: id, name: try p.requiredOption("name"), email: try p.requiredOption("email"), role: try p.requiredOption("role"),
            organization: p.option("organization"), city: p.option("city"), tokenHash: AgendaToken.hash(token))
        let conference = try invocation.conference()
        let outcome = try RegistrationCommands.register(command, conference: conference, runner: try invocation.runner())
        let link = "\(invocation.publicURL)/agenda/\(token)"
        invocation.report(
            outcome,
            humanExtra: ["Personal agenda link (shown once, send it to the attendee): \(link)"],
            jsonExtra: outcome.isDuplicate ? [:] : ["agenda_url": .string(link)])
    }
}
