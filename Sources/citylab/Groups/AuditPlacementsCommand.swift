import Application
import Arguments
import Domain
import Events
import Foundation

/// `citylab audit placements`: each placement's history and state as of a moment, replayed
/// from the log itself (never a read model), as text, JSON or CSV.
enum AuditPlacementsCommand {
    static let spec = CommandSpec(
        "placements", abstract: "Replay the log: each placement's history (who, when, command id, why) and state as of a moment.",
        discussion: "Replays the placement, scholar and opening streams through the same rules the commands use; never reads a "
            + "read model. --position N is the log up to and including N; --as-of T the log up to the last event recorded at "
            + "or before T (an ISO 8601 instant with a zone; a date alone means 00:00 UTC). Before the first event the answer "
            + "is empty; past the head it is the current state. Each event says who: 'by LOGIN' (the login the database "
            + "authenticated), '(on behalf of ACTOR)' when --actor named someone else, or 'unauthenticated' for events written "
            + "before logins were recorded. CSV is RFC 4180, one row per event; cells starting with = + - @ "
            + "get a leading ' so a spreadsheet shows them as text.",
        options: [
            .option("scholar", valueName: "scholar", help: "Only this scholar's placements (id sch_… or email)."),
            .option("city", valueName: "city", help: "Only placements in openings in this city (case-insensitive; accents count)."),
            .option("as-of", valueName: "instant", help: "The state as of this time, e.g. 2026-06-01T12:00:00Z."),
            .option("position", valueName: "n", help: "The state as of this log position."),
            .option("format", valueName: "format", help: "Output format.", defaultValue: "text", allowedValues: ["text", "json", "csv"]),
        ],
        examples: [
            "citylab audit placements",
            "citylab audit placements --city Bogotá --as-of 2026-07-01T00:00:00Z",
            "citylab audit placements --scholar valentina.rios@example.edu --format json",
            "citylab audit placements --position 1200 --format csv > placements.csv",
        ])

    static let verb: Verb = run

    static func run(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let format = try self.format(invocation)
        let city = p.option("city")?.trimmingCharacters(in: .whitespaces)
        if city == "" { throw AppError.usage("--city must not be empty", hint: "e.g. --city Bogotá") }
        let query = PlacementAudit.Query(
            scholar: p.option("scholar"), city: city, moment: try AuditMoment.parse(asOf: p.option("as-of"), position: p.option("position"))
        )
        let progress = AuditProgressLine("replaying", isEnabled: !invocation.json && Output.stderrIsTerminal)
        defer { progress.finish() }
        let report = try PlacementAudit.run(query, store: try invocation.store(), progress: progress.update)
        progress.finish()
        switch format {
        case "json": Output.json(report.json)
        case "csv": print(report.csv, terminator: "")
        default: Output.line(report.text)
        }
    }

    /// `--format`, or json with the global `--json` (which cannot be combined with another format).
    static func format(_ invocation: Invocation) throws -> String {
        let given = invocation.parsed.hasOption("format") ? invocation.parsed.option("format") : nil
        guard invocation.json else { return given ?? "text" }
        guard given == nil || given == "json" else {
            throw AppError.usage(
                "--json prints JSON; it cannot be combined with --format \(given ?? "")", hint: "drop --json, or use --format json")
        }
        return "json"
    }
}
