import XCTest

@testable import HTTP

final class LiveStressTests: XCTestCase {
    private let host = "Host: test\r\n"

    func testGarbageAndHalfClosedSocketsLeaveTheServerHealthy() throws {
        let live = try LiveServer(headerTimeout: .milliseconds(500), idleTimeout: .seconds(2))
        defer { live.stop() }
        var generator = SystemRandomNumberGenerator()
        let fragments = [
            "GET ", "/", "HTTP/1.1", "\r\n", "\n", "\r", ":", " ", "Host: x", "%", "%00", "%zz", "?",
            "&=",
            "Content-Length: 9", "Transfer-Encoding: chunked", "\u{0}", "é", "HEAD", "POST", "/agenda/",
            "{",
        ]
        var sent = 0
        for round in 0..<300 {
            let client = try live.client()
            for _ in 0..<10 {
                var payload: [UInt8] = []
                for _ in 0..<Int.random(in: 1...40, using: &generator) {
                    if Bool.random(using: &generator) {
                        payload += Array(fragments.randomElement(using: &generator)!.utf8)
                    } else {
                        payload += (0..<Int.random(in: 1...30, using: &generator)).map { _ in
                            UInt8.random(in: 0...255, using: &generator)
                        }
                    }
                }
                client.send(payload)
                sent += 1
            }
            switch round % 3 {
            case 0: client.shutdownWrite()
            case 1: _ = client.readResponse(timeout: 0.01)
            default: break
            }
        }
        XCTAssertEqual(sent, 3000)
        let client = try live.client()
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "hello")
        // The garbage connections do not linger: they are cut by errors or timeouts.
        XCTAssertTrue(
            eventually(timeout: 10) { live.server.connectionCount <= 1 },
            "\(live.server.connectionCount) open")
    }

    func testManyIdleConnectionsThenANormalRequest() throws {
        let live = try LiveServer(loops: 2)
        defer { live.stop() }
        // Both ends live in this process: each connection costs two descriptors.
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let count = min(2500, (Int(limit.rlim_cur) - 200) / 2)
        guard count >= 2000 else {
            throw XCTSkip(
                "RLIMIT_NOFILE \(limit.rlim_cur) is too low for 2,000 connections in one process")
        }
        let idle = try (0..<count).map { _ in try live.client() }
        XCTAssertTrue(
            eventually(timeout: 10) { live.server.connectionCount == count },
            "\(live.server.connectionCount) of \(count) accepted")
        let client = try live.client()
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "hello")
        XCTAssertEqual(idle.count, count)
    }

    func testGracefulStopFinishesAnInFlightAnswer() throws {
        let live = try LiveServer()
        var client: TestClient? = try live.client()
        let idleClient = try live.client()
        client?.send("GET /slow HTTP/1.1\r\n\(host)\r\n")
        let responder = try XCTUnwrap(live.parkedResponders(count: 1).first)
        let stopped = DispatchSemaphore(value: 0)
        let port = live.port
        DispatchQueue.global().async {
            live.server.stop(gracePeriod: .seconds(5))
            stopped.signal()
        }
        // New connections are refused once the listeners close; idle ones are closed.
        XCTAssertTrue(eventually { (try? TestClient(port: port)) == nil })
        XCTAssertTrue(idleClient.waitForClose())
        XCTAssertEqual(
            stopped.wait(timeout: .now() + 0.1), .timedOut, "stop must wait for the in-flight answer")
        responder.send(.text("finally"))
        let response = try XCTUnwrap(client?.readResponse())
        XCTAssertEqual(response.text, "finally")
        XCTAssertEqual(response.header("Connection"), "close")
        XCTAssertEqual(client?.waitForClose(), true)
        client = nil  // our close ends the server's drain at once
        XCTAssertEqual(stopped.wait(timeout: .now() + 5), .success)
    }

    func testStopGivesUpOnAnswersAfterTheGrace() throws {
        let live = try LiveServer()
        let client = try live.client()
        client.send("GET /slow HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(live.parkedResponders(count: 1).count, 1)
        let started = Date()
        live.server.stop(gracePeriod: .milliseconds(200))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertTrue(client.waitForClose())
        // A late answer is dropped without harm.
        live.parkedResponders(count: 1).first?.send(.text("late"))
    }
}
