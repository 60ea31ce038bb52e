import Arguments

/// A small citylab-like tree used across the tests.
enum Fixture {
    static let roles = ["mayor", "city-innovator", "artist", "funder", "academic"]

    static let register = CommandSpec(
        "register", abstract: "Register an attendee.",
        discussion: "Prints the id and the attendee's personal agenda link, shown once.",
        options: [
            .option("name", short: "n", valueName: "name", help: "Full name.", isRequired: true),
            .option("email", valueName: "email", help: "Email address.", isRequired: true),
            .option(
                "role", valueName: "role", help: "Role at the conference.", isRequired: true,
                allowedValues: roles),
            .option("city", valueName: "city", help: "Home city."),
        ],
        examples: ["citylab attendee register --name 'Ana Gómez' --email ana@example.org --role mayor"])

    static let cancel = CommandSpec(
        "cancel", abstract: "Cancel a registration.",
        arguments: [ArgumentSpec("attendee", help: "Attendee id or email.")],
        options: [.option("reason", valueName: "text", help: "Why.")])

    static let attendee = CommandSpec(
        "attendee", abstract: "Manage attendees.",
        subcommands: [register, cancel, CommandSpec("list", abstract: "List attendees.")])

    static let schedule = CommandSpec(
        "schedule", abstract: "Schedule a session.",
        options: [
            .option("title", valueName: "title", help: "Title.", isRequired: true),
            .option("capacity", valueName: "n", help: "Seats.", defaultValue: "30"),
            .option("speaker", valueName: "name", help: "A speaker.", isRepeating: true),
            .option("offset", valueName: "minutes", help: "Shift."),
        ])

    static let agenda = CommandSpec(
        "agenda", abstract: "Enroll attendees.",
        subcommands: [
            CommandSpec(
                "add", abstract: "Enroll an attendee.",
                arguments: [
                    ArgumentSpec("attendee", help: "Who."),
                    ArgumentSpec("sessions", help: "Which.", isRepeating: true),
                ]),
            CommandSpec(
                "show", abstract: "Show an agenda.",
                arguments: [ArgumentSpec("attendee", help: "Who.", isOptional: true)]),
        ])

    static let root = CommandSpec(
        "citylab", abstract: "The CityLab conference and Summer Scholars system.",
        subcommands: [
            attendee, CommandSpec("session", abstract: "Manage the program.", subcommands: [schedule]),
            agenda,
        ])

    static let globals: [OptionSpec] = [
        .option(
            "database-url", valueName: "url",
            help: "PostgreSQL URL; else CITYLAB_DATABASE_URL, else the embedded cluster."),
        .option("actor", valueName: "name", help: "Who is acting; recorded in every event."),
        .flag("json", help: "Print exactly one JSON object."),
    ]

    static let parser = Parser(root: root, globalOptions: globals)
}
