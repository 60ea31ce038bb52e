import Application
import Arguments
import Domain
import Events

/// `citylab placement propose|approve|confirm|withdraw|complete`.
enum PlacementGroup {
    static let placementArgument = ArgumentSpec("placement", help: "The placement's id (plc_…).")

    static let spec = CommandSpec(
        "placement", abstract: "Place Summer Scholars in city halls: propose → approve → confirm → complete (or withdraw).",
        subcommands: [
            CommandSpec(
                "propose", abstract: "Propose a scholar for an opening.",
                arguments: [
                    ArgumentSpec("scholar", help: "The scholar's id (sch_…) or email."),
                    ArgumentSpec("opening", help: "The opening's id (opn_…)."),
                ],
                options: [
                    .option("note", valueName: "text", help: "Why this match, for the record."),
                    .option("id", valueName: "id", help: "Choose the id (plc_…) instead of a generated one."),
                ],
                examples: ["citylab placement propose valentina.rios@example.edu opn_bogota --note 'Care Blocks needs a service designer'"]),
            CommandSpec(
                "approve", abstract: "Staff approval of a proposed placement.", arguments: [placementArgument],
                examples: ["citylab placement approve plc_7h2k"]),
            CommandSpec(
                "confirm", abstract: "The scholar accepts; requires completed training and a free seat in the opening.",
                arguments: [placementArgument], examples: ["citylab placement confirm plc_7h2k"]),
            CommandSpec(
                "withdraw", abstract: "End a placement before completion.", arguments: [placementArgument],
                options: [
                    .option("reason", valueName: "text", help: "Why it ended.", isRequired: true),
                    .option(
                        "by", valueName: "who", help: "Who withdrew.", defaultValue: "staff", allowedValues: ["scholar", "host", "staff"]),
                ],
                examples: ["citylab placement withdraw plc_7h2k --reason 'family emergency' --by scholar"]),
            CommandSpec(
                "complete", abstract: "Record a confirmed placement's completion and outcome.", arguments: [placementArgument],
                options: [.option("outcome", valueName: "text", help: "What the placement achieved.", isRequired: true)],
                examples: ["citylab placement complete plc_7h2k --outcome 'Care Blocks intake redesigned with 40 residents'"]),
            PlacementListCommand.spec,
        ])

    static let verbs: [String: Verb] = [
        "placement propose": propose, "placement approve": approve, "placement confirm": confirm,
        "placement withdraw": withdraw, "placement complete": complete, "placement list": PlacementListCommand.verb,
    ]

    static func propose(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let outcome = try PlacementCommands.propose(
            id: try SessionGroup.typedID(p.option("id"), PlacementID.self), scholar: try p.argumentValue("scholar"),
            opening: try References.opening(try p.argumentValue("opening")), note: p.option("note"), runner: try invocation.runner())
        invocation.report(outcome)
    }

    static func placement(_ invocation: Invocation) throws -> PlacementID {
        try References.placement(try invocation.parsed.argumentValue("placement"))
    }

    static func approve(_ invocation: Invocation) throws {
        invocation.report(try PlacementCommands.approve(try placement(invocation), runner: try invocation.runner()))
    }

    static func confirm(_ invocation: Invocation) throws {
        invocation.report(try PlacementCommands.confirm(try placement(invocation), runner: try invocation.runner()))
    }

    static func withdraw(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let outcome = try PlacementCommands.withdraw(
            try placement(invocation), reason: try p.requiredOption("reason"), by: p.option("by"), runner: try invocation.runner())
        invocation.report(outcome)
    }

    static func complete(_ invocation: Invocation) throws {
        let outcome = try PlacementCommands.complete(
            try placement(invocation), outcome: try invocation.parsed.requiredOption("outcome"), runner: try invocation.runner())
        invocation.report(outcome)
    }
}
