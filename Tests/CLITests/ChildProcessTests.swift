import Foundation
import TestSupport
import XCTest

/// The harness every CLI test waits through: output on both pipes, exit codes, and a hang
/// that ends in a report instead of a blocked suite.
final class ChildProcessTests: XCTestCase {
    let environment = ProcessInfo.processInfo.environment

    func testOutputOnBothPipesAndTheExitCode() throws {
        let child = try ChildProcess.spawn(
            "/bin/sh", ["-c", "echo one; echo two >&2; head -c 200000 /dev/zero | tr '\\\\0' x; exit 3"], environment: environment)
        let exit = child.wait(timeout: .seconds(30))
        XCTAssertNil(exit.hang)
        XCTAssertEqual(exit.status, 3)
        XCTAssertTrue(exit.stdout.hasPrefix("one\n"))
        XCTAssertEqual(exit.stdout.count, 4 + 200_000, "a full pipe must not block the child")
        XCTAssertEqual(exit.stderr, "two\n")
    }

    func testAHungChildIsKilledAndReported() throws {
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "echo started >&2; exec sleep 600"], environment: environment)
        let began = ContinuousClock.now
        let exit = child.wait(timeout: .seconds(1), backtraces: false) { "extra evidence" }
        XCTAssertLessThan(ContinuousClock.now - began, .seconds(60))
        XCTAssertEqual(exit.status, 128 + SIGKILL)
        let hang = try XCTUnwrap(exit.hang)
        XCTAssertTrue(hang.contains("did not finish within"), hang)
        XCTAssertTrue(hang.contains("extra evidence"), hang)
        XCTAssertTrue(hang.contains("started"), hang)
    }

    func testAGrandchildHoldingThePipeDoesNotHangTheWait() throws {
        let child = try ChildProcess.spawn("/bin/sh", ["-c", "sleep 20 & echo parent done"], environment: environment)
        let exit = child.wait(timeout: .seconds(2), backtraces: false)
        XCTAssertEqual(exit.status, 0)
        XCTAssertEqual(exit.stdout, "parent done\n")
        XCTAssertTrue(exit.hang?.contains("still holds its stdout or stderr open") == true, exit.hang ?? "no hang reported")
    }

    func testReadLineThenSignal() throws {
        let child = try ChildProcess.spawn(
            "/bin/sh", ["-c", "trap 'echo bye; exit 0' TERM; echo ready; while :; do sleep 0.05; done"], environment: environment)
        XCTAssertEqual(child.readLine(timeout: .seconds(30)), "ready")
        child.send(SIGTERM)
        let exit = child.wait(timeout: .seconds(30))
        XCTAssertNil(exit.hang)
        XCTAssertEqual(exit.stdout, "ready\nbye\n")
    }
}
