import Arguments
import XCTest

final class HelpTests: XCTestCase {
    private let registerHelp = """
        OVERVIEW: Register an attendee.

        Prints the id and the attendee's personal agenda link, shown once.

        USAGE: citylab attendee register --name <name> --email <email> --role <role>
               [--city <city>]

        OPTIONS:
          -n, --name <name>     Full name.
          --email <email>       Email address.
          --role <role>         Role at the conference. (values: mayor, city-innovator,
                                artist, funder, academic)
          --city <city>         Home city.
          -h, --help            Show help information.

        GLOBAL OPTIONS:
          --database-url <url>  PostgreSQL URL; else CITYLAB_DATABASE_URL, else the
                                embedded cluster.
          --actor <name>        Who is acting; recorded in every event.
          --json                Print exactly one JSON object.

        EXAMPLES:
          citylab attendee register --name 'Ana Gómez' --email ana@example.org --role mayor
        """

    func testVerbHelpHasFixedSectionsAlignedAndWrapped() {
        XCTAssertEqual(Fixture.parser.help(for: ["attendee", "register"]), registerHelp)
    }

    func testGroupHelpListsSubcommands() {
        let help = Fixture.parser.help(for: ["attendee"])
        XCTAssertTrue(
            help.hasPrefix("OVERVIEW: Manage attendees.\n\nUSAGE: citylab attendee <subcommand>\n"), help)
        XCTAssertTrue(
            help.hasSuffix(
                """
                SUBCOMMANDS:
                  register              Register an attendee.
                  cancel                Cancel a registration.
                  list                  List attendees.

                  See 'citylab attendee help <subcommand>' for detailed help.
                """), help)
    }

    func testArgumentsSectionAndDefaultsAndRepetition() {
        let cancel = Fixture.parser.help(for: ["attendee", "cancel"])
        XCTAssertTrue(
            cancel.contains("ARGUMENTS:\n  <attendee>            Attendee id or email.\n"), cancel)
        XCTAssertTrue(
            cancel.contains("USAGE: citylab attendee cancel [--reason <text>] <attendee>\n"), cancel)
        let schedule = Fixture.parser.help(for: ["session", "schedule"])
        XCTAssertTrue(schedule.contains("  --capacity <n>        Seats. (default: 30)\n"), schedule)
        XCTAssertTrue(
            schedule.contains("  --speaker <name>      A speaker. (can be repeated)\n"), schedule)
        XCTAssertTrue(schedule.contains("[--speaker <name> ...]"), schedule)
        XCTAssertTrue(
            Fixture.parser.usage(for: ["agenda", "add"]).hasSuffix("add <attendee> <sessions> ..."))
        XCTAssertTrue(Fixture.parser.usage(for: ["agenda", "show"]).hasSuffix("show [<attendee>]"))
    }

    func testNoLineIsWiderThanEightyColumnsAndNoneEndsInASpace() {
        let paths = [
            [], ["attendee"], ["attendee", "register"], ["attendee", "cancel"], ["session", "schedule"],
            ["agenda", "add"],
        ]
        for path in paths {
            for line in Fixture.parser.help(for: path).split(separator: "\n")
            where !line.contains("citylab attendee register --name '") {
                XCTAssertLessThanOrEqual(line.count, 80, "\(path): \(line)")
                XCTAssertFalse(line.hasSuffix(" "), "\(path): '\(line)'")
            }
        }
    }

    /// `citylab demo --help` showed `[<subcommand>]` though demo has none.
    func testOnlyARunnableGroupOffersASubcommandInItsUsage() {
        let parser = Parser(
            root: CommandSpec(
                "tool", abstract: "A tool.",
                subcommands: [
                    CommandSpec(
                        "serve", abstract: "Serve.",
                        options: [.option("port", valueName: "port", help: "Port.", defaultValue: "8080")],
                        isRunnable: true),
                    CommandSpec(
                        "db", abstract: "The database.", options: [.flag("quiet", help: "Quiet.")],
                        subcommands: [CommandSpec("reset", abstract: "Reset.", isRunnable: true)],
                        isRunnable: true),
                ]))
        let serve = parser.help(for: ["serve"])
        XCTAssertTrue(serve.contains("USAGE: tool serve [--port <port>]\n"), serve)
        XCTAssertFalse(serve.contains("<subcommand>"), serve)
        let db = parser.help(for: ["db"])
        XCTAssertTrue(db.contains("USAGE: tool db [--quiet] [<subcommand>]\n"), db)
    }

    func testLongLabelsGetTheirOwnLine() {
        let parser = Parser(
            root: CommandSpec(
                "tool", abstract: "A tool.",
                options: [
                    .option("a-very-long-option-name", valueName: "a-long-value", help: "Long one."),
                    .flag("x", help: "Short."),
                ]))
        let expected = """
            OPTIONS:
              --a-very-long-option-name <a-long-value>
                          Long one.
              --x         Short.
              -h, --help  Show help information.
            """
        XCTAssertTrue(parser.help(for: []).hasSuffix(expected), parser.help(for: []))
    }

    func testHelpOutcomesAtEveryLevel() throws {
        let explicit: [([String], [String])] = [
            (["--help"], []),
            (["-h"], []),
            (["help"], []),
            (["attendee", "--help"], ["attendee"]),
            (["help", "attendee"], ["attendee"]),
            (["attendee", "help", "register"], ["attendee", "register"]),
            (["help", "attendee", "register"], ["attendee", "register"]),
            (["attendee", "register", "-h"], ["attendee", "register"]),
            (["--json", "attendee", "register", "--help", "--name"], ["attendee", "register"]),
            (["attendee", "register", "--nmae", "x", "--help"], ["attendee", "register"]),
            (["attendee", "regster", "--help"], ["attendee"]),
        ]
        for (line, path) in explicit {
            XCTAssertEqual(
                try Fixture.parser.parse(line), .help(Fixture.parser.help(for: path), isExplicit: true),
                "\(line)")
        }
        XCTAssertEqual(
            try Fixture.parser.parse(["attendee"]),
            .help(Fixture.parser.help(for: ["attendee"]), isExplicit: false))
        XCTAssertEqual(
            try Fixture.parser.parse([]), .help(Fixture.parser.help(for: []), isExplicit: false))
        XCTAssertEqual(
            try Fixture.parser.parse(["--json"]), .help(Fixture.parser.help(for: []), isExplicit: false))
    }

    func testHelpWordWithAnUnknownCommandIsAnError() {
        XCTAssertEqual(failure(["help", "attendee", "regster"])?.kind, .unknownCommand)
        XCTAssertEqual(
            failure(["help", "attendee", "register", "more"])?.message,
            "'citylab attendee register' has no subcommand 'more'")
    }

    func testHelpAfterDoubleDashIsAValue() throws {
        XCTAssertEqual(try run(["attendee", "cancel", "--", "-h"]).argument("attendee"), "-h")
    }

    func testHelpForAnUnknownPathFallsBackToTheDeepestKnownCommand() {
        XCTAssertEqual(
            Fixture.parser.help(for: ["attendee", "nope"]), Fixture.parser.help(for: ["attendee"]))
    }
}
