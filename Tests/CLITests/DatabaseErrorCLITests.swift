import Foundation
import XCTest

/// An unreachable database: exit 4, exactly `error:` and `hint:` on two lines (libpq's
/// multi-line reason folded into one), and no password echoed, quoted or not.
final class DatabaseErrorCLITests: XCTestCase {
    func unreachable(_ url: String) throws -> CLIHarness.Run {
        let cli = CLIHarness(databaseURL: url)
        return try cli.run("--database-url", url, "attendee", "register", "--name", "Bo", "--email", "bo@example.org", "--role", "mayor")
    }

    func testUnreachableIsTwoLines() throws {
        let run = try unreachable("postgresql://u:pw-s3cret@127.0.0.1:1/x?connect_timeout=2")
        XCTAssertEqual(run.status, 4, run.stderr)
        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 3, "two lines and the final newline: \(run.stderr)")
        XCTAssertTrue(lines[0].hasPrefix("error: cannot reach the database at postgresql://u:***@127.0.0.1:1/x"), run.stderr)
        XCTAssertTrue(lines[1].hasPrefix("hint: "), run.stderr)
        XCTAssertEqual(lines[2], "")
        XCTAssertFalse(run.stderr.contains("\t"), run.stderr)
        XCTAssertFalse(run.stderr.contains("s3cret"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    func testAQuotedPasswordIsMaskedWhole() throws {
        let run = try unreachable("host=127.0.0.1 port=1 password='hunter 2' connect_timeout=2")
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertTrue(
            run.stderr.hasPrefix("error: cannot reach the database at host=127.0.0.1 port=1 password=*** connect_timeout=2:"), run.stderr)
        XCTAssertFalse(run.stderr.contains("hunter"), run.stderr)
        XCTAssertFalse(run.stderr.contains("2'"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 2, run.stderr)
    }
}
