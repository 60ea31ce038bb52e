import Foundation
import Glibc
import TestSupport
import XCTest

/// Thousands of malformed requests against a real `citylab serve` process holding 10,000 idle
/// connections; afterwards a normal request still succeeds (on a fresh connection and on the
/// idle ones), nothing answered 500, every answer carried X-Projection-Position, and the process
/// is alive and stops cleanly.
final class ReadAPIFuzzTests: XCTestCase {
    var fixture: ReadAPIFixture!
    var server: ChildProcess?
    var port = 0

    /// The built `citylab` (CITYLAB_BIN, else next to the test bundle, as CLITests find it).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["CITYLAB_BIN"] { return path }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citylab").path
    }

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
            throw WireError("no citylab binary at \(Self.binary): run 'swift build --build-tests' (or set CITYLAB_BIN)")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["CITYLAB_DATABASE_URL"] = fixture.url
        environment.removeValue(forKey: "CITYLAB_HOME")
        let child = try ChildProcess.spawn(Self.binary, ["--json", "serve", "--port", "0"], environment: environment)
        server = child
        let line = try XCTUnwrap(child.readLine(timeout: .seconds(60)), "citylab serve announced nothing")
        let announced = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], line)
        port = try XCTUnwrap(announced["port"] as? Int, line)
    }

    override func tearDown() {
        server?.send(SIGKILL)
        _ = server?.wait(timeout: .seconds(10), backtraces: false)
        fixture?.stop()
    }

    /// Raises this process's descriptor limit to its hard limit; returns the soft limit now.
    static func raiseDescriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            _ = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// SplitMix64: the same cases on every run.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) } }
    }

    func cases(_ token: String) -> [[UInt8]] {
        var random = Random(state: 7)
        var cases: [[UInt8]] = []
        let paths = [
            "/agenda/\(token)", "/agenda/%zz", "/agenda/%", "/agenda/%00", "/agenda/%C3%28", "/agenda/..%2F..%2Fetc%2Fpasswd",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd", "/program?min_position=%ff", "/program?min_position=99999999999999999999999", "/sessions/%2e%2e",
            "/agenda/\(token).ics/../../", "//program", "/program#x", "*", "http://evil/program",
            "/agenda/\(String(repeating: "a", count: 5000))",
        ]
        let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "get", "G\u{0}ET", "FOO", "", "GET GET", "OPTIONS", "TRACE", "CONNECT"]
        for _ in 0..<600 { cases.append(random.bytes(1 + random.below(600))) }
        for method in methods {
            for path in paths { cases.append(Array("\(method) \(path) HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) }
        }
        for path in paths {
            cases.append(Array("GET \(path) HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "b", count: 9000))\r\n\r\n".utf8))
            cases.append(Array("GET \(path) HTTP/1.1\r\nHost: \u{0}x\r\nAccept: \u{0}\r\n\r\n".utf8))
            cases.append(Array("GET \(path) HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello".utf8))
            cases.append(Array("GET \(path) HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8))
            cases.append(Array("GET \(path) HTTP/9.9\r\n\r\n".utf8))
            cases.append(Array("GET \(path)\r\n\r\n".utf8))
            cases.append(
                Array("GET \(path) HTTP/1.1\r\nHost: x\r\nAccept: text/html;q=\u{7f}, application/json;q=-1, */*;;;q\r\n\r\n".utf8))
        }
        cases.append(Array("GET /\(String(repeating: "x", count: 9000)) HTTP/1.1\r\n\r\n".utf8))
        for index in 0..<400 {
            var head = Array("GET /agenda/\(token).json HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
            head[random.below(head.count)] = UInt8(truncatingIfNeeded: random.next())
            cases.append(index % 2 == 0 ? head : Array(head.prefix(random.below(head.count))))
        }
        var all = cases
        while all.count < 3000 { all.append(cases[random.below(cases.count)] + random.bytes(random.below(40))) }
        return all
    }

    func testMalformedRequestsNeverBreakTheServer() throws {
        let child = try XCTUnwrap(server)
        let token = try XCTUnwrap(fixture.tokens["ana"])
        let idleCount = 10_000
        let available = Self.raiseDescriptorLimit()
        try XCTSkipIf(
            available < idleCount + 1_000,
            "this process may open only \(available) descriptors (hard limit); holding \(idleCount) idle connections needs \(idleCount + 1_000)"
        )
        let idle = try (0..<idleCount).map { _ in try WireClient(port: port) }
        var statuses: [Int: Int] = [:]
        var withoutPosition: [Int] = []
        for (index, bytes) in cases(token).enumerated() {
            // Keep the server's stderr (its access log) flowing.
            if index % 250 == 0 { _ = child.readLine(timeout: .milliseconds(1)) }
            let client = try WireClient(port: port)
            client.send(bytes)
            // Every other socket is half-closed and read to the end; the rest are dropped at once.
            guard index % 2 == 0 else { continue }
            client.shutdownWrite()
            let answer = client.readAll(timeout: 3)
            guard let response = WireClient.parse(answer, isHead: false) else { continue }
            statuses[response.status, default: 0] += 1
            if response.header("X-Projection-Position") == nil { withoutPosition.append(response.status) }
        }
        XCTAssertNil(statuses[500], "a malformed request made the server fail: \(statuses)")
        XCTAssertGreaterThan(statuses[400, default: 0], 100, "\(statuses)")
        XCTAssertGreaterThan(statuses[431, default: 0] + statuses[414, default: 0], 0, "\(statuses)")
        XCTAssertEqual(withoutPosition, [], "answers without X-Projection-Position, by status")
        XCTAssertEqual(try WireClient.get(port, "/agenda/\(token).json").status, 200)
        XCTAssertEqual(try WireClient.get(port, "/health").status, 200)
        // The idle connections are still held open by the server and answer.
        for client in [idle[0], idle[idleCount / 2], idle[idleCount - 1]] {
            client.send(Array("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8))
            XCTAssertEqual(WireClient.parse(client.readAll(timeout: 5), isHead: false)?.status, 200)
        }
        XCTAssertEqual(kill(child.pid, 0), 0, "citylab serve died")
        child.send(SIGTERM)
        let exit = child.wait(timeout: .seconds(30))
        XCTAssertNil(exit.hang)
        XCTAssertEqual(exit.status, 0, exit.stderr)
        XCTAssertTrue(exit.stderr.contains("serve: stopped"), String(exit.stderr.suffix(500)))
        XCTAssertFalse(exit.stderr.contains(token), "a token reached the access log")
        server = nil
        withExtendedLifetime(idle) {}
    }
}
