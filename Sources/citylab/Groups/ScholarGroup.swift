import Application
import Arguments
import Domain
import Events
import Foundation

/// `citylab scholar admit|complete-training` and `citylab opening create`: the Summer Scholars program.
enum ScholarGroup {
    static let spec = CommandSpec(
        "scholar", abstract: "Admit Summer Scholars and record their training.",
        subcommands: [
            CommandSpec(
                "admit", abstract: "Admit a Summer Scholar.",
                options: [
                    .option("name", valueName: "name", help: "Full name.", isRequired: true),
                    .option("email", valueName: "email", help: "Email address (unique among scholars).", isRequired: true),
                    .option("university", valueName: "university", help: "Their university.", isRequired: true),
                    .option("cohort", valueName: "year", help: "Cohort year (default: this year)."),
                    .option("id", valueName: "id", help: "Choose the id (sch_…) instead of a generated one."),
                ],
                examples: [
                    "citylab scholar admit --name 'Valentina Ríos' --email valentina.rios@example.edu --university 'Universidad de los Andes' --cohort 2026"
                ]),
            CommandSpec(
                "complete-training", abstract: "Record completion of innovation-methods training (needed to confirm a placement).",
                arguments: [ArgumentSpec("scholar", help: "The scholar's id (sch_…) or email.")],
                examples: ["citylab scholar complete-training valentina.rios@example.edu"]),
        ])

    static let openingSpec = CommandSpec(
        "opening", abstract: "City halls' placement openings for Summer Scholars.",
        subcommands: [
            CommandSpec(
                "create", abstract: "Create a city hall's placement opening.",
                options: [
                    .option("city", valueName: "city", help: "The city, e.g. Bogotá.", isRequired: true),
                    .option("country", valueName: "country", help: "The country, e.g. Colombia.", isRequired: true),
                    .option(
                        "host", valueName: "host", help: "The hosting team, e.g. 'iBO — Laboratorio de Innovación Pública de Bogotá'.",
                        isRequired: true),
                    .option("project", valueName: "project", help: "The project, e.g. 'Care Blocks'.", isRequired: true),
                    .option("starts", valueName: "date", help: "First day, YYYY-MM-DD.", isRequired: true),
                    .option("ends", valueName: "date", help: "Last day, YYYY-MM-DD (after the first).", isRequired: true),
                    .option("seats", valueName: "n", help: "Scholars it can take (default 1)."),
                    .option("cohort", valueName: "year", help: "Cohort year (default: the year it starts)."),
                    .option("id", valueName: "id", help: "Choose the id (opn_…) instead of a generated one."),
                ],
                examples: [
                    "citylab opening create --city Bogotá --country Colombia --host 'iBO — Laboratorio de Innovación Pública de Bogotá' --project 'Care Blocks' --starts 2026-06-15 --ends 2026-08-14 --seats 2"
                ])
        ])

    static let verbs: [String: Verb] = [
        "scholar admit": admit, "scholar complete-training": completeTraining, "opening create": createOpening,
    ]

    static var thisYear: Int { Calendar(identifier: .gregorian).component(.year, from: Date()) }

    static func admit(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let command = Scholar.Admit(
            id: try SessionGroup.typedID(p.option("id"), ScholarID.self), name: try p.requiredOption("name"),
            email: try p.requiredOption("email"), university: try p.requiredOption("university"), cohort: try p.int("cohort"),
            defaultCohort: thisYear)
        invocation.report(try PlacementCommands.admit(command, runner: try invocation.runner()))
    }

    static func completeTraining(_ invocation: Invocation) throws {
        let outcome = try PlacementCommands.completeTraining(
            scholar: try invocation.parsed.argumentValue("scholar"), now: Date(), runner: try invocation.runner())
        invocation.report(outcome)
    }

    static func createOpening(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let command = Opening.Create(
            id: try SessionGroup.typedID(p.option("id"), OpeningID.self), city: try p.requiredOption("city"),
            country: try p.requiredOption("country"), host: try p.requiredOption("host"), project: try p.requiredOption("project"),
            starts: try p.requiredOption("starts"), ends: try p.requiredOption("ends"), seats: try p.int("seats"),
            cohort: try p.int("cohort"))
        invocation.report(try PlacementCommands.createOpening(command, runner: try invocation.runner()))
    }
}
