import Foundation
import TestSupport
import XCTest

/// Real processes racing against a real server: exactly one wins, every loser gets a rule
/// refusal (1) or a conflict (3) — never a crash, never a partial write — and positions stay gap-free.
final class RaceCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
    }

    func assertGapFree(file: StaticString = #filePath, line: UInt = #line) throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let row = try connection.query(
            "SELECT count(*) AS n, coalesce(max(position), 0) AS top, (SELECT position FROM log_head) AS head FROM events"
        ).rows[0]
        XCTAssertEqual(try row.int("n"), try row.int("top"), "positions must be gap-free", file: file, line: line)
        XCTAssertEqual(try row.int("head"), try row.int("top"), "the head must be the last position", file: file, line: line)
    }

    func race(_ count: Int, _ arguments: (Int) -> [String]) throws -> [CLIHarness.Run] {
        let started = try (0..<count).map { try cli.start(arguments($0)) }
        return try started.map { try $0.wait() }
    }

    func testRacingOpensOfOneEditionLeaveExactlyOne() throws {
        let runs = try race(12) { i in
            [
                "conference", "open", "--id", "citylab-2026", "--name", "CityLab \(i)", "--city", "Bogotá", "--timezone", "America/Bogota",
                "--starts", "2026-10-14", "--ends", "2026-10-16",
            ]
        }
        XCTAssertEqual(runs.filter { $0.status == 0 }.count, 1, runs.map(\.stderr).joined())
        for run in runs where run.status != 0 {
            XCTAssertTrue([1, 3].contains(run.status), "loser exit \(run.status): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("error: "), run.stderr)
        }
        XCTAssertEqual(try cli.eventCount(), 1)
        try assertGapFree()
    }

    func testRacingRegistrationsOfOneEmailLeaveExactlyOne() throws {
        try cli.openEdition()
        let runs = try race(12) { i in
            [
                "attendee", "register", "--name", "Ana \(i)", "--email", i % 2 == 0 ? "ana@example.org" : "ANA@example.org", "--role",
                "mayor",
            ]
        }
        XCTAssertEqual(runs.filter { $0.status == 0 }.count, 1, runs.map(\.stderr).joined())
        XCTAssertTrue(runs.allSatisfy { [0, 1, 3].contains($0.status) }, runs.map(\.stderr).joined())
        XCTAssertEqual(try cli.eventCount(), 3, "the edition, one registration and one email claim")
        try assertGapFree()
    }

    func testManyDifferentRegistrationsAllCommitGapFree() throws {
        try cli.openEdition()
        let runs = try race(16) { i in
            ["attendee", "register", "--name", "Person \(i)", "--email", "p\(i)@example.org", "--role", "urbanist"]
        }
        XCTAssertTrue(runs.allSatisfy { $0.status == 0 }, runs.map(\.stderr).joined())
        XCTAssertEqual(try cli.eventCount(), 1 + 16 * 2)
        try assertGapFree()
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)
    }

    /// The store itself, below the command runner's retries: raw appends expecting the same
    /// stream version from racing psql processes. Exactly one commits; the rest conflict.
    func testRawConflictingAppendsFromProcesses() throws {
        let sql = """
            SELECT citylab_append(NULL, '{}', '{}', 'race-1', '{1}', 'ConferenceOpened', '{1}', '{"n":1}', format('{"actor":"race","login":"%s"}', session_user), '{}')
            """
        let processes = try (0..<10).map { _ in
            try ChildProcess.spawn(
                "psql", [cli.databaseURL, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], environment: ProcessInfo.processInfo.environment)
        }
        let exits = processes.map { $0.wait(timeout: .seconds(120)) { DatabaseSessions.describe(cli.databaseURL) } }
        for exit in exits { XCTAssertNil(exit.hang) }
        XCTAssertEqual(exits.filter { $0.status == 0 }.count, 1, exits.map(\.stderr).joined())
        XCTAssertEqual(try cli.eventCount(), 1)
        try assertGapFree()
    }
}
