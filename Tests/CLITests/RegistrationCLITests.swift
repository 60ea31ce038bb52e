import Foundation
import XCTest

/// `conference open` and `attendee register` through the built binary: output, exit codes,
/// and that a refused or malformed command writes nothing.
final class RegistrationCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
    }

    func testOpenConferenceHumanAndJSON() throws {
        let human = try cli.run(
            "conference", "open", "--id", "citylab-2026", "--name", "CityLab 2026", "--city", "Bogotá", "--timezone",
            "America/Bogota", "--starts", "2026-10-14", "--ends", "2026-10-16")
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertTrue(human.stdout.contains("citylab-2026"), human.stdout)
        XCTAssertEqual(human.stderr, "")

        let json = try cli.run(
            "--json", "conference", "open", "--id", "citylab-2027", "--name", "CityLab 2027", "--city", "Reykjavík", "--timezone",
            "Atlantic/Reykjavik", "--starts", "2027-10-14", "--ends", "2027-10-15")
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try json.json()
        XCTAssertEqual(object["id"] as? String, "citylab-2027")
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events[0]["type"] as? String, "ConferenceOpened")
        XCTAssertEqual(events[0]["stream"] as? String, "conference-citylab-2027")
        XCTAssertEqual(events[0]["version"] as? Int, 1)
        XCTAssertEqual(events[0]["position"] as? Int, 2)
        XCTAssertEqual(object["position"] as? Int, 2)
    }

    func testRegisterPrintsIDAndOneTimeLinkAndStoresOnlyTheHash() throws {
        try cli.openEdition()
        let run = try cli.run("--json", "attendee", "register", "--name", "Ana Gómez", "--email", "Ana@Example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try run.json()
        let id = try XCTUnwrap(object["id"] as? String)
        XCTAssertTrue(id.hasPrefix("att_"), id)
        let url = try XCTUnwrap(object["agenda_url"] as? String)
        let token = try XCTUnwrap(url.components(separatedBy: "/agenda/").last)
        XCTAssertEqual(token.count, 32)
        let connection = try cli.connection()
        defer { connection.close() }
        let stored = try connection.query("SELECT data::text AS data FROM events").rows.map { try $0.string("data") }.joined()
        XCTAssertFalse(stored.contains(token), "the token itself must never be stored")
        XCTAssertTrue(stored.contains("ana@example.org"))

        let human = try cli.run(
            "attendee", "register", "--name", "Bo Li", "--email", "bo@example.org", "--role", "urbanist", "--id", "att_bo")
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertTrue(human.stdout.contains("att_bo"), human.stdout)
        XCTAssertTrue(human.stdout.contains("/agenda/"), human.stdout)
    }

    func testOneActiveRegistrationPerEmailIgnoringCase() throws {
        try cli.openEdition()
        XCTAssertEqual(try cli.run("attendee", "register", "--name", "Ana", "--email", "ana@example.org", "--role", "mayor").status, 0)
        let before = try cli.eventCount()
        let again = try cli.run("attendee", "register", "--name", "Ana G", "--email", "ANA@example.org", "--role", "artist")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.hasPrefix("error: ana@example.org is already registered"), again.stderr)
        XCTAssertTrue(again.stderr.contains("hint: "), again.stderr)
        XCTAssertEqual(again.stdout, "")
        XCTAssertEqual(try cli.eventCount(), before)
    }

    /// Bad input: a clear one-line error, the right exit code, nothing written.
    func testBadInputIsRefusedAndWritesNothing() throws {
        try cli.openEdition()
        XCTAssertEqual(
            try cli.run("attendee", "register", "--name", "Ana", "--email", "ana@example.org", "--role", "mayor", "--id", "att_ana").status,
            0)
        let register = ["attendee", "register", "--name", "Bo", "--role", "mayor"]
        let open = ["conference", "open", "--name", "X", "--city", "Y", "--timezone", "America/Bogota"]
        let cases: [(String, [String], Int32)] = [
            ("malformed email", register + ["--email", "not-an-email"], 2),
            ("unknown role", ["attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "king"], 2),
            ("empty name", ["attendee", "register", "--name", "", "--email", "bo@example.org", "--role", "mayor"], 2),
            ("duplicate --id", register + ["--email", "bo@example.org", "--id", "att_ana"], 1),
            ("malformed --id", register + ["--email", "bo@example.org", "--id", "Not An Id"], 2),
            (
                "unknown timezone",
                [
                    "conference", "open", "--id", "x-2026", "--name", "X", "--city", "Y", "--timezone", "Mars/Base", "--starts",
                    "2026-01-01", "--ends", "2026-01-02",
                ], 2
            ),
            ("end before start", open + ["--id", "x-2026", "--starts", "2026-01-05", "--ends", "2026-01-02"], 1),
            ("malformed date", open + ["--id", "x-2026", "--starts", "2026-13-05", "--ends", "2026-12-02"], 2),
            ("duplicate edition", open + ["--id", "citylab-2026", "--starts", "2026-01-01", "--ends", "2026-01-02"], 1),
            ("missing option", ["attendee", "register", "--name", "Bo"], 2),
            ("unknown flag", register + ["--email", "bo@example.org", "--colour", "red"], 2),
            ("unknown verb", ["attendee", "regster"], 2),
        ]
        let before = try cli.eventCount()
        for (label, arguments, expected) in cases {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, expected, "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), "\(label): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", label)
        }
        XCTAssertEqual(try cli.eventCount(), before, "a refused or malformed command must write nothing")
    }

    func testUnknownVerbSuggestsTheNearest() throws {
        let run = try cli.run("attendee", "regster")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("Did you mean 'register'?"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: see 'citylab attendee --help'"), run.stderr)
    }

    func testUnreachableDatabaseExits4WithAFix() throws {
        var harness = cli!
        harness.environment["CITYLAB_DATABASE_URL"] = "postgresql://citylab:s3cret@127.0.0.1:1/citylab?connect_timeout=2"
        let run = try harness.run("attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot reach the database"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: "), run.stderr)
        XCTAssertFalse(run.stderr.contains("s3cret"), "the password must never be echoed: \(run.stderr)")
    }

    func testCommandIDCommitsOnceAndReplaysTheFirstResult() throws {
        try cli.openEdition()
        let arguments = [
            "--json", "--command-id", "import-row-7", "attendee", "register", "--name", "Ana", "--email", "ana@example.org", "--role",
            "mayor",
        ]
        let first = try cli.run(arguments: arguments)
        XCTAssertEqual(first.status, 0, first.stderr)
        let count = try cli.eventCount()
        let second = try cli.run(arguments: arguments)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try cli.eventCount(), count, "the same command id must commit once")
        let a = try first.json()
        let b = try second.json()
        XCTAssertEqual(a["id"] as? String, b["id"] as? String)
        XCTAssertEqual(a["position"] as? Int, b["position"] as? Int)
        XCTAssertEqual(b["duplicate"] as? Bool, true)
        XCTAssertNil(b["agenda_url"], "the link is shown once")
    }

    func testSecondEditionNeedsConference() throws {
        try cli.openEdition("citylab-2026")
        try cli.openEdition("citylab-2027")
        let run = try cli.run("attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 2, "which edition is a missing value: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("--conference"), run.stderr)
        let chosen = try cli.run(
            "--conference", "citylab-2027", "attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(chosen.status, 0, chosen.stderr)
    }
}
