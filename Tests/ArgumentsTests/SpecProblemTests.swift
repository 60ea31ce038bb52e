import Arguments
import XCTest

final class SpecProblemTests: XCTestCase {
    func testTheFixtureIsSound() {
        XCTAssertEqual(Fixture.parser.specProblems(), [])
    }

    func testEachMistakeIsReported() {
        let broken = CommandSpec(
            "tool", abstract: "Broken.",
            arguments: [ArgumentSpec("stray", help: "Never bound.")],
            options: [.flag("json", help: "Shadows a global."), .option("help", help: "Reserved.")],
            subcommands: [
                CommandSpec(
                    "run", abstract: "Run.",
                    arguments: [
                        ArgumentSpec("many", help: "", isRepeating: true),
                        ArgumentSpec("maybe", help: "", isOptional: true),
                        ArgumentSpec("last", help: ""),
                    ],
                    options: [
                        .option("mode", short: "h", help: "", defaultValue: "slow", allowedValues: ["fast"]),
                        .option("x=y", help: ""),
                    ]),
                CommandSpec("run", abstract: "Again."),
            ])
        let problems = Parser(root: broken, globalOptions: [.flag("json", help: "")]).specProblems()
        XCTAssertEqual(
            problems,
            [
                "'tool': '--json' is declared twice or shadows another option",
                "'tool': '--help' is declared twice or shadows another option",
                "'tool' has both subcommands and arguments; the arguments are never bound",
                "'tool run': '-h' is declared twice or shadows another option",
                "'tool run': the default of '--mode' is not one of its allowed values",
                "'tool run': '--x=y' is not a usable option name",
                "'tool run': repeating argument '<many>' is not the last",
                "'tool run': required argument '<last>' follows an optional one",
                "'tool' has two subcommands named 'run'",
            ])
    }
}
