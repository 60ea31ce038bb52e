import Foundation
import XCTest

/// What `session schedule` and `session reschedule` print: times on the edition's clock
/// (America/Bogota, UTC−5) with the zone named, whatever offset the input used, and for a
/// reschedule what changed and who moved up or now overlaps.
final class SessionOutputCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        try cli.openEdition()
        for i in 0..<2 {
            let run = try cli.run(
                arguments: [
                    "attendee", "register", "--name", "Person \(i)", "--email", "p\(i)@example.org", "--role", "urbanist", "--id",
                    "att_p\(i)",
                ])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
    }

    func testScheduleWithAnOffsetPrintsTheEditionsWallClock() throws {
        let json = try cli.run(
            "--json", "session", "schedule", "--id", "ses_a", "--title", "Care Blocks", "--room", "Sala Bolívar", "--starts",
            "2026-10-14T09:30+00:00", "--ends", "2026-10-14T10:30+00:00", "--capacity", "1")
        XCTAssertEqual(json.status, 0, json.stderr)
        let result = try json.json()
        XCTAssertEqual(result["starts"] as? String, "2026-10-14T04:30-05:00")
        XCTAssertEqual(result["ends"] as? String, "2026-10-14T05:30-05:00")
        XCTAssertEqual(result["time_zone"] as? String, "America/Bogota")
        XCTAssertEqual(result["room"] as? String, "Sala Bolívar")
        XCTAssertEqual(result["capacity"] as? Int, 1)

        let human = try cli.run(
            "session", "schedule", "--id", "ses_b", "--title", "Open Data", "--room", "Sala 2", "--starts", "2026-10-14T14:00Z", "--ends",
            "2026-10-14T15:00Z", "--capacity", "2")
        XCTAssertEqual(human.status, 0, human.stderr)
        XCTAssertEqual(human.stdout, "Scheduled 'Open Data' (ses_b) in Sala 2, 2026-10-14T09:00–10:00 America/Bogota, 2 seats.\n")
    }

    func testReschedulePrintsWhatChangedAndWhoMovedUp() throws {
        for arguments in [
            [
                "--id", "ses_a", "--title", "Care Blocks", "--room", "Sala Bolívar", "--starts", "2026-10-14T04:30", "--ends",
                "2026-10-14T05:30", "--capacity", "1",
            ],
            [
                "--id", "ses_b", "--title", "Open Data", "--room", "Sala 2", "--starts", "2026-10-14T09:00", "--ends", "2026-10-14T10:00",
                "--capacity", "5",
            ],
        ] {
            XCTAssertEqual(try cli.run(arguments: ["session", "schedule"] + arguments).status, 0)
        }
        for (attendee, session) in [("att_p0", "ses_a"), ("att_p1", "ses_a"), ("att_p0", "ses_b")] {
            XCTAssertEqual(try cli.run("agenda", "add", attendee, session).status, 0)
        }
        // 14:15 UTC is 09:15 in Bogotá: the seat holder's ses_a now overlaps their ses_b, and
        // the second seat goes to the waitlisted att_p1.
        let moved = try cli.run(
            "session", "reschedule", "ses_a", "--room", "Sala 3", "--starts", "2026-10-14T14:15+00:00", "--capacity", "2")
        XCTAssertEqual(moved.status, 0, moved.stderr)
        let lines = moved.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines.first,
            "Changed 'Care Blocks' (ses_a): room Sala 3 (was Sala Bolívar); 2026-10-14T09:15–10:15 America/Bogota "
                + "(was 2026-10-14T04:30–05:30); 2 seats (was 1). 1 seat holder keeps their seat at the new time. "
                + "1 moved up from the waitlist.")
        XCTAssertTrue(lines.contains("att_p1 moved up from the waitlist into 'Care Blocks'."), moved.stdout)
        XCTAssertTrue(lines.contains("att_p0's agenda now has 'Care Blocks' overlapping ses_b."), moved.stdout)
        XCTAssertFalse(moved.stdout.contains("14:15"), "the input's UTC time is not echoed: \(moved.stdout)")

        let json = try cli.run("--json", "session", "reschedule", "ses_a", "--capacity", "3")
        XCTAssertEqual(json.status, 0, json.stderr)
        let result = try json.json()
        XCTAssertEqual(result["changed"] as? [String], ["capacity"])
        XCTAssertEqual(result["capacity"] as? Int, 3)
        XCTAssertEqual(result["room"] as? String, "Sala 3")
        XCTAssertEqual(result["starts"] as? String, "2026-10-14T09:15-05:00")
        XCTAssertEqual(result["ends"] as? String, "2026-10-14T10:15-05:00")
        XCTAssertEqual(result["message"] as? String, "Changed 'Care Blocks' (ses_a): 3 seats (was 2).")

        let same = try cli.run("session", "reschedule", "ses_a", "--capacity", "3")
        XCTAssertEqual(same.status, 0, same.stderr)
        XCTAssertEqual(same.stdout, "Nothing changed for 'Care Blocks' (ses_a).\n")
    }
}
