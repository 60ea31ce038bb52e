import Arguments
import XCTest

final class SyntaxTests: XCTestCase {
    private let register = ["attendee", "register", "--email", "a@b.org", "--role", "mayor"]

    func testSeparateEqualsAndShortFormsGiveTheSameValue() throws {
        for form in [["--name", "Ana"], ["--name=Ana"], ["-n", "Ana"]] {
            let command = try run(register + form)
            XCTAssertEqual(command.path, ["attendee", "register"])
            XCTAssertEqual(command.option("name"), "Ana", "\(form)")
        }
    }

    func testEqualsSplitsOnTheFirstEqualsSign() throws {
        XCTAssertEqual(try run(register + ["--name=a=b"]).option("name"), "a=b")
    }

    func testGlobalOptionsAreAcceptedBeforeBetweenAndAfterTheGroupAndVerb() throws {
        let lines = [
            ["--json", "--actor", "eve"] + register + ["--name", "Ana"],
            [
                "attendee", "--json", "register", "--actor=eve", "--email", "a@b.org", "--role", "mayor",
                "--name", "Ana",
            ],
            register + ["--name", "Ana", "--actor", "eve", "--json"],
        ]
        for line in lines {
            let command = try run(line)
            XCTAssertTrue(command.flag("json"), "\(line)")
            XCTAssertEqual(command.option("actor"), "eve", "\(line)")
            XCTAssertFalse(command.flag("missing"))
        }
    }

    func testRepeatingOptionsCollectInOrderAndSingleOptionsKeepTheLast() throws {
        let command = try run([
            "session", "schedule", "--title", "A", "--title", "B", "--speaker", "Zoë", "--speaker", "Ana",
        ])
        XCTAssertEqual(command.options("speaker"), ["Zoë", "Ana"])
        XCTAssertEqual(command.option("speaker"), "Ana")
        XCTAssertEqual(command.option("title"), "B")
    }

    func testDefaultsBackAbsentOptionsButDoNotCountAsGiven() throws {
        let command = try run(["session", "schedule", "--title", "A"])
        XCTAssertEqual(command.option("capacity"), "30")
        XCTAssertEqual(command.options("capacity"), ["30"])
        XCTAssertFalse(command.hasOption("capacity"))
        XCTAssertEqual(command.options("speaker"), [])
        XCTAssertNil(command.option("offset"))
        XCTAssertTrue(command.hasOption("title"))
    }

    func testValuesStartingWithADashWhenNotAKnownOption() throws {
        let base = ["session", "schedule", "--title"]
        XCTAssertEqual(try run(base + ["-x", "--offset", "-5"]).option("offset"), "-5")
        XCTAssertEqual(try run(base + ["-x", "--offset=-5"]).option("offset"), "-5")
        XCTAssertEqual(try run(base + ["-x"]).option("title"), "-x")
        XCTAssertEqual(try run(["session", "schedule", "--title=--json"]).option("title"), "--json")
    }

    func testEmptyAndUnicodeValuesAreKeptAsGiven() throws {
        XCTAssertEqual(try run(register + ["--name", ""]).option("name"), "")
        XCTAssertEqual(try run(register + ["--name="]).option("name"), "")
        let name = "Bogotá — iBO «Care Blocks» 🏙️"
        XCTAssertEqual(try run(register + ["--name", name]).option("name"), name)
    }

    func testDoubleDashEndsOptions() throws {
        let command = try run(["attendee", "cancel", "--reason", "ill", "--", "--help"])
        XCTAssertEqual(command.argument("attendee"), "--help")
        XCTAssertEqual(command.option("reason"), "ill")
        XCTAssertEqual(try run(["agenda", "show", "--", "-5"]).argument("attendee"), "-5")
    }

    func testArgumentsBindInOrderAndTheRepeatingOneTakesTheRest() throws {
        let command = try run(["agenda", "add", "att_1", "ses_1", "--json", "ses_2"])
        XCTAssertEqual(command.argument("attendee"), "att_1")
        XCTAssertEqual(command.arguments("sessions"), ["ses_1", "ses_2"])
        XCTAssertEqual(command.arguments("attendee"), ["att_1"])
    }

    func testOptionalArgumentMayBeAbsent() throws {
        XCTAssertNil(try run(["agenda", "show"]).argument("attendee"))
        XCTAssertEqual(try run(["agenda", "show", "-"]).argument("attendee"), "-")
    }

    func testSubcommandNamesAreOnlyCommandsWhereACommandIsExpected() throws {
        XCTAssertEqual(try run(["attendee", "cancel", "register"]).argument("attendee"), "register")
        XCTAssertEqual(try run(register + ["--name", "list"]).option("name"), "list")
    }

    func testParsingIsDeterministic() throws {
        let line = ["agenda", "add", "--actor", "x", "att_1", "ses_1"]
        XCTAssertEqual(try run(line), try run(line))
    }
}
