import Foundation
import XCTest

/// `--command-id`: a repeat of the same command replays its first result; the id reused for
/// another command, or the same command with other arguments, is refused and does nothing.
final class CommandIDCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
    }

    func testAReusedIDIsRefusedAndARepeatReplays() throws {
        for arguments in [
            ["scholar", "admit", "--id", "sch_val", "--name", "Val", "--email", "val@example.edu", "--university", "Uniandes"],
            [
                "opening", "create", "--id", "opn_bog", "--city", "Bogotá", "--country", "Colombia", "--host", "iBO", "--project", "Care",
                "--starts", "2026-06-15", "--ends", "2026-08-14",
            ],
            ["placement", "propose", "sch_val", "opn_bog", "--id", "plc_1"],
        ] {
            XCTAssertEqual(try cli.run(arguments: arguments).status, 0, "\(arguments)")
        }
        let register = ["attendee", "register", "--name", "Bo Li", "--email", "bo@example.org", "--role", "mayor", "--id", "att_bo"]
        let first = try cli.run(arguments: ["--command-id", "k1"] + register)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try cli.eventCount()

        let other = try cli.run("--command-id", "k1", "placement", "withdraw", "plc_1", "--reason", "x")
        XCTAssertEqual(other.status, 2, other.stderr)
        XCTAssertTrue(
            other.stderr.hasPrefix(
                "error: command id k1 was already used for 'attendee register' with other arguments\nhint: use a new --command-id"),
            other.stderr)
        XCTAssertEqual(other.stdout, "")
        let changed = try cli.run(arguments: ["--command-id", "k1"] + register.map { $0 == "Bo Li" ? "Bo Lee" : $0 })
        XCTAssertEqual(changed.status, 2, changed.stderr)
        XCTAssertTrue(changed.stderr.contains("already used for 'attendee register' with other arguments"), changed.stderr)
        XCTAssertEqual(try cli.eventCount(), before, "a reused command id writes nothing")
        let placement = try cli.run("--json", "events", "--stream", "placement-plc_1")
        XCTAssertEqual(try XCTUnwrap(try placement.json()["events"] as? [[String: Any]]).count, 1, "plc_1 was not withdrawn")

        // The same command, options in another order and with --json: the first result, exit 0.
        let repeated = try cli.run(
            "--json", "--command-id", "k1", "attendee", "register", "--id", "att_bo", "--role", "mayor", "--email", "bo@example.org",
            "--name", "Bo Li")
        XCTAssertEqual(repeated.status, 0, repeated.stderr)
        let object = try repeated.json()
        XCTAssertEqual(object["duplicate"] as? Bool, true)
        XCTAssertEqual(object["id"] as? String, "att_bo")
        XCTAssertNil(object["command"], "what the id was used for is kept, not printed: \(repeated.stdout)")
        XCTAssertEqual(try cli.eventCount(), before)
    }
}
