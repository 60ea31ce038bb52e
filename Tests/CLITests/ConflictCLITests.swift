import Foundation
import XCTest

/// A conflict that outlasts the retry budget: exit 3, "conflict" on stderr, nothing written.
final class ConflictCLITests: XCTestCase {
    func testAPersistentConflictExits3() throws {
        var cli = try CLIHarness.fresh()
        try cli.openEdition()
        // Every append now finds a stream moved, as if another organizer always won the race:
        // the store raises its own conflict code (CL409) on every attempt.
        let connection = try cli.connection()
        defer { connection.close() }
        try connection.simpleQuery(
            """
            CREATE FUNCTION test_stream_always_moved() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'stream % moved since it was read (test)', NEW.stream USING ERRCODE = 'CL409';
            END $$;
            CREATE TRIGGER test_stream_always_moved BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_stream_always_moved();
            """)
        let before = try cli.eventCount()
        cli.environment["CITYLAB_RETRY_BUDGET_MS"] = "300"
        let started = ContinuousClock.now
        let run = try cli.run("--command-id", "c-1", "attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(run.status, 3, run.stderr)
        XCTAssertTrue(run.stderr.hasPrefix("error: attendee register kept conflicting"), run.stderr)
        XCTAssertTrue(run.stderr.contains("conflict"), run.stderr)
        XCTAssertTrue(run.stderr.contains("moved since it was read (test)"), run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(20), "the budget from CITYLAB_RETRY_BUDGET_MS was used")
        XCTAssertEqual(try cli.eventCount(), before, "nothing written")
        XCTAssertEqual(
            try connection.query("SELECT count(*) AS n FROM commands WHERE command_id = 'c-1'").rows[0].int("n"), 0,
            "the command id is not spent")

        cli.environment["CITYLAB_RETRY_BUDGET_MS"] = "soon"
        let malformed = try cli.run("attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
        XCTAssertEqual(malformed.status, 2, malformed.stderr)
        XCTAssertTrue(malformed.stderr.contains("CITYLAB_RETRY_BUDGET_MS"), malformed.stderr)
    }
}
