import Foundation
import XCTest

/// The answers the HTTP layer makes before any route runs (a head it cannot parse, a body, a
/// head too slow) carry `X-Projection-Position` like every other answer (CONTRACT).
final class ReadAPIServerMadeTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
        try fixture.startServer(headerTimeout: .seconds(1))
    }

    override func tearDown() { fixture?.stop() }

    /// Sends `bytes` on a fresh connection and reads the answer until the server closes.
    func answer(_ bytes: String, timeout: TimeInterval = 5) throws -> WireClient.Response {
        let client = try WireClient(port: fixture.port)
        client.send(Array(bytes.utf8))
        let received = client.readAll(timeout: timeout)
        return try XCTUnwrap(WireClient.parse(received, isHead: false), String(decoding: received.prefix(300), as: UTF8.self))
    }

    func testEveryServerMadeAnswerCarriesThePosition() throws {
        let position = String(try fixture.head())
        let long = String(repeating: "x", count: 9_000)
        let cases: [(String, Int, String)] = [
            ("a header without a colon", 400, "GET /program HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n"),
            ("bad percent-encoding", 400, "GET /program%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("a NUL byte", 400, "GET /program HTTP/1.1\r\nHost: x\r\nAccept: a\u{0}b\r\n\r\n"),
            ("no Host", 400, "GET /program HTTP/1.1\r\n\r\n"),
            ("a request line too long", 414, "GET /\(long) HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("headers too large", 431, "GET /program HTTP/1.1\r\nHost: x\r\nX-Big: \(long)\r\n\r\n"),
            ("an unknown HTTP version", 505, "GET /program HTTP/2.0\r\nHost: x\r\n\r\n"),
            ("POST with a body", 405, "POST /program HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"),
            ("GET with a body", 413, "GET /program HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"),
            ("a head that stops halfway", 408, "GET /program HTTP/1.1\r\nHost: x\r\n"),
        ]
        for (name, status, bytes) in cases {
            let response = try answer(bytes)
            XCTAssertEqual(response.status, status, name)
            XCTAssertEqual(response.header("X-Projection-Position"), position, "\(name): \(response.headers)")
            XCTAssertEqual(response.header("Content-Type"), "application/problem+json", name)
            XCTAssertEqual(response.header("Cache-Control"), "no-store", name)
        }
        XCTAssertEqual(try answer("POST /program HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").header("Allow"), "GET, HEAD")
    }
}
