import Arguments
import XCTest

final class ValueTests: XCTestCase {
    private let command = ParsedCommand(
        path: ["session", "schedule"], arguments: ["session": ["ses_1"], "day": ["third"]],
        options: ["capacity": ["ten"], "seats": ["-5"], "title": [""]], defaults: ["limit": "20"])

    func testIntParsesGivenValuesAndDefaults() throws {
        XCTAssertEqual(try command.int("seats"), -5)
        XCTAssertEqual(try command.int("limit"), 20)
        XCTAssertNil(try command.int("absent"))
    }

    func testIntRefusesWordsWithAClearMessage() {
        XCTAssertThrowsError(try command.int("capacity")) { error in
            XCTAssertEqual(
                error as? ArgumentsError,
                ArgumentsError(
                    .invalidValue, "--capacity expects a whole number, got 'ten'",
                    path: ["session", "schedule"]))
        }
    }

    func testRequiredOptionAcceptsEmptyAndDefaultsButNotAbsence() throws {
        XCTAssertEqual(try command.requiredOption("title"), "")
        XCTAssertEqual(try command.requiredOption("limit"), "20")
        XCTAssertThrowsError(try command.requiredOption("room")) { error in
            XCTAssertEqual((error as? ArgumentsError)?.kind, .missingOption)
            XCTAssertEqual((error as? ArgumentsError)?.message, "missing required option '--room'")
        }
    }

    func testCustomConversionsNameWhatWasExpected() throws {
        XCTAssertEqual(
            try command.argument("session", expecting: "a session id") {
                $0.hasPrefix("ses_") ? $0 : nil
            }, "ses_1")
        XCTAssertNil(try command.argument("absent", expecting: "anything") { $0 })
        XCTAssertThrowsError(try command.argument("day", expecting: "a date YYYY-MM-DD") { Int($0) }) {
            error in
            XCTAssertEqual(
                (error as? ArgumentsError)?.message, "<day> expects a date YYYY-MM-DD, got 'third'")
        }
        XCTAssertThrowsError(
            try command.option("title", expecting: "a title") { $0.isEmpty ? nil : $0 }
        ) { error in
            XCTAssertEqual((error as? ArgumentsError)?.message, "--title expects a title, got ''")
        }
    }
}
