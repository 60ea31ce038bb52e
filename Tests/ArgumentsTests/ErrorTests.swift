import Arguments
import XCTest

final class ErrorTests: XCTestCase {
    private let register = ["attendee", "register", "--email", "a@b.org", "--role", "mayor"]

    private func assertError(
        _ line: [String], _ kind: ArgumentsError.Kind, _ message: String, path: [String],
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        guard let error = failure(line, file: file, lineNumber: lineNumber) else { return }
        XCTAssertEqual(error.kind, kind, file: file, line: lineNumber)
        XCTAssertEqual(error.message, message, file: file, line: lineNumber)
        XCTAssertEqual(error.description, message, file: file, line: lineNumber)
        XCTAssertEqual(error.path, path, file: file, line: lineNumber)
    }

    func testUnknownSubcommandSuggestsTheClosest() {
        assertError(
            ["attendee", "regster"], .unknownCommand,
            "unknown command 'regster' for 'citylab attendee'. Did you mean 'register'?",
            path: ["attendee"])
        assertError(
            ["attendee", "regsiter"], .unknownCommand,
            "unknown command 'regsiter' for 'citylab attendee'. Did you mean 'register'?",
            path: ["attendee"])
        assertError(
            ["atendee"], .unknownCommand,
            "unknown command 'atendee' for 'citylab'. Did you mean 'attendee'?", path: [])
    }

    func testUnknownSubcommandFarFromAnyListsThem() {
        assertError(
            ["attendee", "zap"], .unknownCommand,
            "unknown command 'zap' for 'citylab attendee'; expected one of: register, cancel, list",
            path: ["attendee"])
    }

    func testUnknownOptionSuggestsTheClosestIncludingGlobals() {
        assertError(
            register + ["--nmae", "Ana"], .unknownOption,
            "unknown option '--nmae' for 'citylab attendee register'. Did you mean '--name'?",
            path: ["attendee", "register"])
        assertError(
            ["attendee", "list", "--jsn"], .unknownOption,
            "unknown option '--jsn' for 'citylab attendee list'. Did you mean '--json'?",
            path: ["attendee", "list"])
        assertError(
            ["attendee", "list", "--frobnicate"], .unknownOption,
            "unknown option '--frobnicate' for 'citylab attendee list'", path: ["attendee", "list"])
        assertError(
            ["attendee", "list", "-q"], .unknownOption, "unknown option '-q' for 'citylab attendee list'",
            path: ["attendee", "list"])
    }

    func testADashedNumberWhereAnArgumentGoesPointsToDoubleDash() {
        assertError(
            ["agenda", "show", "-5"], .unknownOption,
            "unknown option '-5' for 'citylab agenda show'; to pass a value that starts with '-', put it after '--'",
            path: ["agenda", "show"])
    }

    func testAnOptionOfTheVerbBeforeTheVerbIsUnknownAtThatLevel() {
        assertError(
            ["attendee", "--name", "Ana", "register"], .unknownOption,
            "unknown option '--name' for 'citylab attendee'", path: ["attendee"])
    }

    func testMissingValueAtTheEndOrBeforeAnotherOption() {
        assertError(
            register + ["--name"], .missingValue, "missing value for '--name <name>'",
            path: ["attendee", "register"])
        assertError(
            register + ["--name", "--json"], .missingValue,
            "missing value for '--name <name>' before '--json'; write '--name=--json' if that is the value",
            path: ["attendee", "register"])
        assertError(
            register + ["-n", "--"], .missingValue,
            "missing value for '--name <name>' before '--'; write '--name=--' if that is the value",
            path: ["attendee", "register"])
        assertError(
            register + ["--name", "A", "--city", "-n"], .missingValue,
            "missing value for '--city <city>' before '-n'; write '--city=-n' if that is the value",
            path: ["attendee", "register"])
    }

    func testMissingRequiredOptionsAreListedTogether() {
        assertError(
            ["attendee", "register", "--role", "mayor"], .missingOption,
            "missing required options '--name <name>', '--email <email>' for 'citylab attendee register'",
            path: ["attendee", "register"])
        assertError(
            register, .missingOption,
            "missing required option '--name <name>' for 'citylab attendee register'",
            path: ["attendee", "register"])
    }

    func testMissingRequiredArgument() {
        assertError(
            ["attendee", "cancel"], .missingArgument,
            "missing argument '<attendee>' for 'citylab attendee cancel'",
            path: ["attendee", "cancel"])
        assertError(
            ["agenda", "add", "att_1"], .missingArgument,
            "missing argument '<sessions>' for 'citylab agenda add'",
            path: ["agenda", "add"])
    }

    func testUnexpectedExtraArgument() {
        assertError(
            ["attendee", "cancel", "att_1", "att_2"], .unexpectedArgument,
            "unexpected argument 'att_2' for 'citylab attendee cancel' (it takes at most 1)",
            path: ["attendee", "cancel"])
        assertError(
            ["attendee", "list", "mayor"], .unexpectedArgument,
            "unexpected argument 'mayor' for 'citylab attendee list' (it takes none)",
            path: ["attendee", "list"])
    }

    func testValueOutsideTheAllowedOnes() {
        assertError(
            register + ["--name", "A", "--role", "king"], .invalidValue,
            "--role must be one of: mayor, city-innovator, artist, funder, academic; got 'king'",
            path: ["attendee", "register"])
        assertError(
            register + ["--name", "A", "--role=Mayor"], .invalidValue,
            "--role must be one of: mayor, city-innovator, artist, funder, academic; got 'Mayor'. Did you mean 'mayor'?",
            path: ["attendee", "register"])
    }

    func testFlagGivenAValue() {
        assertError(
            ["attendee", "list", "--json=yes"], .invalidValue,
            "--json is a flag and takes no value; got '--json=yes'",
            path: ["attendee", "list"])
    }

    func testHintAndUsagePointAtTheFailingCommand() throws {
        let error = try XCTUnwrap(failure(["attendee", "cancel"]))
        XCTAssertEqual(Fixture.parser.hint(for: error), "see 'citylab attendee cancel --help'")
        XCTAssertEqual(
            Fixture.parser.usage(for: error.path), "citylab attendee cancel [--reason <text>] <attendee>")
        let rootError = try XCTUnwrap(failure(["nope"]))
        XCTAssertEqual(Fixture.parser.hint(for: rootError), "see 'citylab --help'")
    }
}
