import Foundation
import TestSupport
import XCTest

/// The import's progress line: shown on a terminal (run under a pseudo-terminal through
/// util-linux `script`), rewritten in place and cleared before the summary; never on a pipe.
final class ImportProgressCLITests: XCTestCase {
    var cli: CLIHarness!
    var files: ImportFixture!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        files = try ImportFixture()
        try cli.openEdition()
    }

    override func tearDown() { files?.remove() }

    /// 300 good rows and one bad one (line 302).
    private func file() throws -> String {
        try files.file("a.csv", ImportFixture.header + ImportFixture.rows(300) + "Bad,not-an-email,mayor,,\r\n")
    }

    /// `citylab ARGUMENTS` with stdout and stderr on one pseudo-terminal; returns what it showed.
    private func onTerminal(_ arguments: [String]) throws -> (status: Int32, screen: String) {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("util-linux script(1) is not installed") }
        let command = ([CLIHarness.binary.path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let child = try ChildProcess.spawn(
            script, ["-qec", command.joined(separator: " "), "/dev/null"], environment: cli.environmentForRun())
        let exit = child.wait(timeout: .seconds(240))
        XCTAssertNil(exit.hang)
        return (exit.status, exit.stdout)
    }

    func testATerminalShowsProgressThenTheSummary() throws {
        let (status, screen) = try onTerminal(["attendee", "import", try file()])
        XCTAssertEqual(status, 1, "one row rejected: \(screen)")
        let progress = try XCTUnwrap(screen.range(of: "\r\u{1B}[Kimporting: "), "no progress line: \(screen.debugDescription)")
        XCTAssertNotNil(
            screen.range(of: #"importing: \d+/301 rows \(\d+ rows/s\)"#, options: .regularExpression), screen.debugDescription)
        XCTAssertTrue(screen.contains("importing: 301/301 rows"), "the last update counts every row: \(screen.debugDescription)")
        let summary = try XCTUnwrap(
            screen.range(
                of:
                    #"Import into citylab-2026: 300 accepted, 0 skipped \(already registered\), 1 rejected; 600 events in \d+\.\d\d s \(\d+ events/s\)"#,
                options: .regularExpression), screen.debugDescription)
        XCTAssertLessThan(progress.lowerBound, summary.lowerBound)
        let lastUpdate = try XCTUnwrap(screen.range(of: "importing: ", options: .backwards))
        let between = screen[lastUpdate.upperBound..<summary.lowerBound]
        XCTAssertTrue(between.contains("\r\u{1B}[K"), "the progress line is cleared before the report: \(between.debugDescription)")
        XCTAssertTrue(screen.contains("line 302: 'not-an-email' is not a valid email address"), screen.debugDescription)
    }

    func testJSONOnATerminalHasNoProgress() throws {
        let (status, screen) = try onTerminal(["--json", "attendee", "import", try file()])
        XCTAssertEqual(status, 1, screen)
        XCTAssertFalse(screen.contains("importing:"), screen.debugDescription)
        XCTAssertFalse(screen.contains("\u{1B}"), screen.debugDescription)
    }

    func testPipesGetNoProgressAndNoControlCharacters() throws {
        let run = try cli.run("attendee", "import", try file())
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stdout.contains("Import into citylab-2026: 300 accepted"), run.stdout)
        for (name, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            XCTAssertFalse(text.contains("importing:"), "\(name): \(text)")
            XCTAssertFalse(
                text.contains("\r") || text.contains("\u{1B}"), "\(name) has terminal control characters: \(text.debugDescription)")
        }
    }
}
