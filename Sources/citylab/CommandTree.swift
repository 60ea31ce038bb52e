import Arguments

/// A verb's implementation: reads its invocation, prints, throws to fail.
typealias Verb = @Sendable (Invocation) throws -> Void

/// The whole command tree (CONTRACT) and the verb table, assembled from one file per group.
enum CommandTree {
    static let globals: [OptionSpec] = [
        .option(
            "database-url", valueName: "url",
            help: "PostgreSQL URL; else CITYLAB_DATABASE_URL, else the embedded cluster under $CITYLAB_HOME."),
        .option(
            "actor", valueName: "name",
            help: "On whose behalf you act, recorded in every event beside your login; else CITYLAB_ACTOR, else the OS user."),
        .option(
            "command-id", valueName: "id",
            help:
                "Idempotency key: the same id commits once; a repeat prints the first result (another command or other arguments: refused)."
        ),
        .option(
            "conference", valueName: "id",
            help: "The edition to act on when more than one is open (attendee, session schedule/list and agenda commands)."),
        .flag("json", help: "Print exactly one JSON object on stdout."),
    ]

    /// The verbs about one conference edition, which take `--conference` (the others, e.g.
    /// Summer Scholars or the log, refuse it rather than ignore it).
    static let conferenceVerbs: Set<String> = [
        "attendee register", "attendee cancel", "attendee check-in", "attendee reissue-link", "attendee import", "attendee list",
        "session schedule", "session list", "agenda add", "agenda drop", "agenda show",
    ]

    static let groups: [(spec: CommandSpec, verbs: [String: Verb])] = [
        (DBGroup.spec, DBGroup.verbs),
        (ConferenceGroup.spec, ConferenceGroup.verbs),
        (AttendeeGroup.spec, AttendeeGroup.verbs),
        (SessionGroup.spec, SessionGroup.verbs),
        (AgendaGroup.spec, AgendaGroup.verbs),
        (ScholarGroup.spec, ScholarGroup.verbs),
        (ScholarGroup.openingSpec, [:]),
        (PlacementGroup.spec, PlacementGroup.verbs),
        (EventsGroup.spec, EventsGroup.verbs),
        (AuditGroup.spec, AuditGroup.verbs),
        (StaffGroup.spec, StaffGroup.verbs),
        (ProjectionsGroup.spec, ProjectionsGroup.verbs),
        (SampleGroup.spec, SampleGroup.verbs),
        (ServeCommand.spec, ServeCommand.verbs),
        (DemoCommand.spec, DemoCommand.verbs),
    ]

    static let root = CommandSpec(
        "citylab",
        abstract: "Run the CityLab conference and place Summer Scholars in city halls.",
        discussion: "Every command becomes events in an append-only, hash-chained log in PostgreSQL. "
            + "Exit codes: 0 done, 1 refused by a rule, 2 usage error, 3 conflict after retries, 4 database unreachable or the log damaged, "
            + "5 not permitted (the login lacks the database role).",
        subcommands: groups.map(\.spec),
        examples: [
            "citylab conference open --id citylab-2026 --name 'CityLab 2026' --city Bogotá --timezone America/Bogota --starts 2026-10-14 --ends 2026-10-16",
            "citylab attendee register --name 'Ana Gómez' --email ana@example.org --role mayor",
            "citylab audit verify",
        ])

    static let verbs: [String: Verb] = {
        var table: [String: Verb] = [:]
        for group in groups {
            for (path, verb) in group.verbs { table[path] = verb }
        }
        return table
    }()
}
