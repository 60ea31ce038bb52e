import Foundation
import XCTest

/// Two `citylab sample load` at once (two demos started together): both succeed and the log
/// holds the sample once — each step commits under one command id, the loser of a race
/// replays it or decides again.
final class SampleConcurrencyTests: XCTestCase {
    func testTwoLoadsAtOnceWriteTheSampleOnce() throws {
        let cli = try CLIHarness.fresh()
        let reference = try SampleTemplate.harness().eventCount()
        let first = try cli.start(["--json", "sample", "load"])
        let second = try cli.start(["--json", "sample", "load"])
        let runs = [try first.wait(), try second.wait()]
        for run in runs {
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertEqual(try run.json()["attendees"] as? Int, 600)
        }
        XCTAssertEqual(try cli.eventCount(), reference)
        let verify = try cli.run("audit", "verify")
        XCTAssertEqual(verify.status, 0, verify.stderr)
    }
}
