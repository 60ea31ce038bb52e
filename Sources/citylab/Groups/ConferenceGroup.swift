import Application
import Arguments
import Domain

/// `citylab conference open`.
enum ConferenceGroup {
    static let spec = CommandSpec(
        "conference", abstract: "Open conference editions.",
        subcommands: [
            CommandSpec(
                "open", abstract: "Open a conference edition.",
                discussion: "When exactly one edition is open, other commands use it; else they need --conference.",
                options: [
                    .option(
                        "id", valueName: "id", help: "The edition's id: lowercase letters, digits and '-' (e.g. citylab-2026).",
                        isRequired: true),
                    .option("name", valueName: "name", help: "Its name, e.g. 'CityLab 2026'.", isRequired: true),
                    .option("city", valueName: "city", help: "The host city.", isRequired: true),
                    .option("timezone", valueName: "zone", help: "IANA time zone of the venue, e.g. America/Bogota.", isRequired: true),
                    .option("starts", valueName: "date", help: "First day, YYYY-MM-DD.", isRequired: true),
                    .option("ends", valueName: "date", help: "Last day, YYYY-MM-DD (inclusive).", isRequired: true),
                ],
                examples: [
                    "citylab conference open --id citylab-2026 --name 'CityLab 2026' --city Bogotá --timezone America/Bogota --starts 2026-10-14 --ends 2026-10-16"
                ])
        ])

    static let verbs: [String: Verb] = ["conference open": open]

    static func open(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let command = Conference.Open(
            id: try p.requiredOption("id"), name: try p.requiredOption("name"), city: try p.requiredOption("city"),
            timeZone: try p.requiredOption("timezone"), starts: try p.requiredOption("starts"), ends: try p.requiredOption("ends"))
        let outcome = try RegistrationCommands.openConference(command, runner: try invocation.runner())
        invocation.report(outcome)
    }
}
