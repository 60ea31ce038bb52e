import Foundation
import XCTest

/// Thousands of malformed requests against the real routes; afterwards a normal request still
/// succeeds, nothing answered 500, and the process is alive.
final class ReadAPIFuzzTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
        try fixture.startServer()
    }

    override func tearDown() { fixture?.stop() }

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
        let token = try XCTUnwrap(fixture.tokens["ana"])
        let port = fixture.port
        // 8,000 idle connections: both ends live in this process, under its 20,000-descriptor limit.
        let idle = try (0..<8_000).map { _ in try WireClient(port: port) }
        var statuses: [Int: Int] = [:]
        for (index, bytes) in cases(token).enumerated() {
            let client = try WireClient(port: port)
            client.send(bytes)
            // Every other socket is half-closed and read to the end; the rest are dropped at once.
            guard index % 2 == 0 else { continue }
            client.shutdownWrite()
            let answer = client.readAll(timeout: 3)
            if let response = WireClient.parse(answer, isHead: false) { statuses[response.status, default: 0] += 1 }
        }
        XCTAssertNil(statuses[500], "a malformed request made the server fail: \(statuses)")
        XCTAssertGreaterThan(statuses[400, default: 0], 100, "\(statuses)")
        XCTAssertGreaterThan(statuses[431, default: 0] + statuses[414, default: 0], 0, "\(statuses)")
        let ok = try fixture.get("/agenda/\(token).json")
        XCTAssertEqual(ok.status, 200)
        XCTAssertEqual(try fixture.get("/health").status, 200)
        XCTAssertEqual(idle.count, 8_000)
        for line in fixture.accessLog.all { XCTAssertFalse(line.contains(token), "token logged: \(line)") }
    }
}
