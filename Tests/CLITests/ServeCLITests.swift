import Foundation
import Glibc
import TestSupport
import XCTest

/// `citylab serve` as a user runs it: prints where it listens, answers, stops on SIGTERM; a busy
/// port is refused (exit 1) with a hint to use --port.
final class ServeCLITests: XCTestCase {
    func get(_ port: Int, _ path: String) throws -> (status: Int, body: String) {
        try httpGet(port: port, path: path)
    }

    func testServePrintsItsURLsAnswersAndStopsOnSIGTERM() throws {
        let cli = try CLIHarness.fresh()
        try cli.openEdition()
        let started = try cli.start(["--json", "serve", "--port", "0"])
        let line = try XCTUnwrap(started.firstLine(timeout: .seconds(60)), "serve announced nothing on stdout")
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        let port = try XCTUnwrap(object["port"] as? Int)
        XCTAssertEqual(object["url"] as? String, "http://127.0.0.1:\(port)")
        XCTAssertEqual(object["projector"] as? Bool, true)
        XCTAssertEqual(try get(port, "/health").status, 200)
        let program = try get(port, "/program")
        XCTAssertEqual(program.status, 200)
        XCTAssertTrue(program.body.contains("\"name\":\"CityLab 2026\""), program.body)
        XCTAssertEqual(try get(port, "/agenda/0123456789abcdef0123456789abcdef").status, 404)
        started.terminate()
        let run = try started.wait()
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("GET /health 200"), run.stderr)
        XCTAssertTrue(run.stderr.contains("GET /agenda/… 404"), run.stderr)
        XCTAssertFalse(run.stderr.contains("0123456789abcdef0123456789abcdef"), run.stderr)
        XCTAssertTrue(run.stderr.contains("serve: stopped"), run.stderr)
    }

    func testABusyPortIsRefusedWithAHint() throws {
        let cli = try CLIHarness.fresh()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        XCTAssertEqual(listen(fd, 1), 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let run = try cli.run("serve", "--port", String(port))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("127.0.0.1:\(port) is already in use"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: pass --port"), run.stderr)
        XCTAssertEqual(try cli.run("serve", "--port", "70000").status, 2)
    }
}

struct CLITestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
