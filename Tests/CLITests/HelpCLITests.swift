import Foundation
import XCTest

/// `--help` works on every level, and every command of the contract implemented so far is there.
final class HelpCLITests: XCTestCase {
    let harness = CLIHarness(databaseURL: "postgresql:///unused")

    /// The subcommand names listed in a help page's SUBCOMMANDS section.
    func subcommands(_ help: String) -> [String] {
        guard let range = help.range(of: "SUBCOMMANDS:\n") else { return [] }
        // The section ends at the first line that is not indented (the next heading).
        let section = help[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.isEmpty || $0.hasPrefix(" ") }
        return section.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "See" }
    }

    func testEveryLevelHasHelpAndTheContractCommandsExist() throws {
        var seen: [String] = []
        var queue: [[String]] = [[]]
        while let path = queue.popLast() {
            XCTAssertLessThan(path.count, 4, "help pages nest too deep: \(path)")
            guard path.count < 4 else { break }
            let run = try harness.run(arguments: path + ["--help"])
            XCTAssertEqual(run.status, 0, "\(path): \(run.stderr)")
            XCTAssertTrue(run.stdout.hasPrefix("OVERVIEW: "), "\(path)")
            XCTAssertTrue(run.stdout.contains("USAGE: citylab"), "\(path)")
            XCTAssertEqual(run.stderr, "")
            seen.append(path.joined(separator: " "))
            queue += subcommands(run.stdout).map { path + [$0] }
        }
        let contract = [
            "db start", "db stop", "db status", "db migrate", "conference open", "attendee register", "attendee cancel",
            "attendee check-in",
            "attendee reissue-link", "attendee import", "attendee list", "session schedule", "session list", "session roster",
            "agenda show", "placement list", "projections run", "projections rebuild", "projections status", "serve", "demo",
            "audit placements", "session reschedule", "session cancel", "agenda add", "agenda drop",
            "scholar admit", "scholar complete-training", "opening create", "placement propose", "placement approve", "placement confirm",
            "placement withdraw", "placement complete", "events", "events export", "audit head", "audit verify",
        ]
        for command in contract { XCTAssertTrue(seen.contains(command), "missing from the CLI: \(command)") }
    }

    func testAGroupWithoutAVerbIsAUsageError() throws {
        let run = try harness.run("session")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("error: "), run.stderr)
    }
}
