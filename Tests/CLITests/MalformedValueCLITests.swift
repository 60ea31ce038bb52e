import Application
import Foundation
import XCTest

/// A missing or malformed value is a usage error (exit 2) that says what is wrong on stderr
/// and writes nothing, whichever command it reaches; an unknown --conference is named.
final class MalformedValueCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
    }

    func ok(_ arguments: [String]) throws {
        let run = try cli.run(arguments: arguments)
        XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
    }

    func testMalformedValuesExit2WithAMessageAndWriteNothing() throws {
        try ok([
            "scholar", "admit", "--id", "sch_val", "--name", "Val", "--email", "val@example.edu", "--university", "Uniandes", "--cohort",
            "2026",
        ])
        try ok([
            "opening", "create", "--id", "opn_bog", "--city", "Bogotá", "--country", "Colombia", "--host", "iBO", "--project",
            "Care Blocks",
            "--starts", "2026-06-15", "--ends", "2026-08-14",
        ])
        try ok(["placement", "propose", "sch_val", "opn_bog", "--id", "plc_1"])
        try cli.openEdition("citylab-2027")
        let open = ["conference", "open", "--name", "X", "--city", "Y", "--starts", "2026-01-01", "--ends", "2026-01-02"]
        let admit = ["scholar", "admit", "--name", "Bo", "--email", "bo@example.edu", "--university", "Uniandes"]
        let opening = [
            "opening", "create", "--city", "Reykjavík", "--country", "Iceland", "--host", "R", "--project", "P", "--starts", "2026-06-01",
            "--ends", "2026-08-01",
        ]
        let register = ["attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor"]
        // (label, command line, what stderr must name)
        let cases: [(String, [String], String)] = [
            ("malformed kept head", ["audit", "verify", "--head", "garbage"], "POSITION:HASH"),
            (
                "edition id with a space", open + ["--id", "City Lab", "--timezone", "America/Bogota"],
                "'City Lab' is not a valid edition id"
            ),
            ("unknown time zone", open + ["--id", "x-2026", "--timezone", "Mars/Olympus"], "'Mars/Olympus' is not a known IANA time zone"),
            ("two-digit cohort", admit + ["--cohort", "27"], "cohort 27"),
            ("no seats", opening + ["--seats", "0"], "--seats 0"),
            ("several editions, no --conference", register, "--conference"),
            (
                "--conference for Summer Scholars", ["--conference", "citylab-2026"] + admit,
                "--conference does not apply to 'scholar admit'"
            ),
            (
                "--conference for placement list", ["--conference", "citylab-2026", "placement", "list"],
                "--conference does not apply to 'placement list'"
            ),
            ("malformed --conference", ["--conference", "City Lab"] + register, "'City Lab' is not an edition id"),
            ("empty --actor", ["--actor", ""] + register + ["--conference", "citylab-2026"], "--actor must not be empty"),
            (
                "--actor with a line break", ["--actor", "eve\nforged line"] + register + ["--conference", "citylab-2026"],
                "--actor contains control characters"
            ),
            (
                "attendee --id of a session", ["--conference", "citylab-2026"] + register + ["--id", "ses_x"],
                "'ses_x' is a session id, not an attendee id"
            ),
            ("opening --id of a placement", opening + ["--id", "plc_zz"], "starts with opn_"),
            ("placement given a scholar id", ["placement", "approve", "sch_val"], "'sch_val' is a scholar id, not a placement id"),
        ]
        let before = try cli.eventCount()
        for (label, arguments, mention) in cases {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, 2, "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains(mention), "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("\nhint: "), "\(label): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", label)
        }
        XCTAssertEqual(try cli.eventCount(), before, "a malformed value must write nothing")
    }

    func testAnUnknownConferenceIsNamed() throws {
        let before = try cli.eventCount()
        let run = try cli.run(
            "--conference", "nope", "attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("error: there is no edition nope\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("citylab-2026"), "the hint lists the editions: \(run.stderr)")
        let list = try cli.run("--conference", "nope", "attendee", "list")
        XCTAssertEqual(list.status, 1, list.stderr)
        XCTAssertTrue(list.stderr.contains("no edition nope"), list.stderr)
        XCTAssertEqual(try cli.eventCount(), before)
    }

    /// An empty CITYLAB_ACTOR falls back to the OS user; a forged line in it is refused.
    func testActorFromTheEnvironment() throws {
        var empty = cli!
        empty.environment["CITYLAB_ACTOR"] = ""
        let run = try empty.run("attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 0, run.stderr)
        let connection = try cli.connection()
        defer { connection.close() }
        let actor = try connection.query("SELECT meta->>'actor' AS actor FROM events ORDER BY position DESC LIMIT 1").rows[0].string(
            "actor")
        XCTAssertEqual(actor, CommandContext.systemUser)

        var forged = cli!
        forged.environment["CITYLAB_ACTOR"] = "eve\nforged line"
        let before = try cli.eventCount()
        let refused = try forged.run("attendee", "register", "--name", "Cy", "--email", "cy@example.org", "--role", "mayor")
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.hasPrefix("error: CITYLAB_ACTOR contains control characters"), refused.stderr)
        XCTAssertEqual(try cli.eventCount(), before)
    }
}
