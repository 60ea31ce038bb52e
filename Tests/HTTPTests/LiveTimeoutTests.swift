import XCTest

@testable import HTTP

final class LiveTimeoutTests: XCTestCase {
    private let host = "Host: test\r\n"

    func testStalledHeadIsCutWhileOthersAreServed() throws {
        let live = try LiveServer(headerTimeout: .milliseconds(300), idleTimeout: .seconds(30))
        defer { live.stop() }
        let stalled = try live.client()
        stalled.send("GET /hello HTTP/1.1\r\nHost: te")
        let started = Date()
        // Meanwhile another client is served, repeatedly.
        let other = try live.client()
        for _ in 0..<5 {
            other.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
            XCTAssertEqual(other.readResponse()?.text, "hello")
        }
        XCTAssertTrue(stalled.waitForClose(timeout: 5), "the stalled client was never cut")
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertGreaterThan(elapsed, 0.25)
        XCTAssertLessThan(elapsed, 3)
        other.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(other.readResponse()?.text, "hello")
    }

    func testSlowlorisTrickleIsCutByTheHeaderDeadline() throws {
        let live = try LiveServer(headerTimeout: .milliseconds(300), idleTimeout: .seconds(30))
        defer { live.stop() }
        let client = try live.client()
        let started = Date()
        let head = Array(
            "GET /hello HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8)
        var index = 0
        // One byte every ~20 ms keeps the connection busy but never finishes the head.
        while !client.sawEOF && Date().timeIntervalSince(started) < 5 {
            client.send([head[index % head.count]])
            index += 1
            _ = client.receivedAnything(within: 0.02)
        }
        XCTAssertTrue(client.sawEOF)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }

    func testIdleKeepAliveConnectionIsClosed() throws {
        let live = try LiveServer(headerTimeout: .seconds(10), idleTimeout: .milliseconds(300))
        defer { live.stop() }
        let client = try live.client()
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "hello")
        let started = Date()
        XCTAssertTrue(client.waitForClose(timeout: 5))
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.2)
        // A fresh connection that never sends anything is closed as idle too.
        let silent = try live.client()
        XCTAssertTrue(silent.waitForClose(timeout: 5))
    }

    func testBlankLineTrickleIsCutByTheIdleDeadline() throws {
        let live = try LiveServer(headerTimeout: .seconds(10), idleTimeout: .milliseconds(300))
        defer { live.stop() }
        let client = try live.client()
        let started = Date()
        // Empty lines before a request line are ignored, so they must not count as progress.
        while !client.sawEOF && Date().timeIntervalSince(started) < 5 {
            client.send("\r\n")
            _ = client.receivedAnything(within: 0.02)
        }
        XCTAssertTrue(client.sawEOF)
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }

    func testConnectionCap() throws {
        let live = try LiveServer(loops: 2, maxConnections: 3)
        defer { live.stop() }
        var clients = try (0..<3).map { _ in try live.client() }
        for client in clients {
            client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
            XCTAssertEqual(client.readResponse()?.text, "hello")
        }
        let refused = try live.client()
        let answer = refused.readResponse()
        XCTAssertEqual(answer?.status, 503)
        XCTAssertTrue(refused.waitForClose())
        // Freeing a slot lets the next client in.
        clients.removeFirst()
        XCTAssertTrue(eventually { live.server.connectionCount == 2 })
        let admitted = try live.client()
        admitted.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(admitted.readResponse()?.text, "hello")
        XCTAssertEqual(clients.count, 2)
    }
}
