import XCTest

@testable import HTTP

final class LiveBasicTests: XCTestCase {
    private var live: LiveServer!

    override func setUpWithError() throws {
        live = try LiveServer()
    }

    override func tearDown() {
        live.stop()
    }

    private let host = "Host: test\r\n"

    func testGetAndHead() throws {
        let client = try live.client()
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        let get = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(get.status, 200)
        XCTAssertEqual(get.text, "hello")
        XCTAssertEqual(get.header("Content-Length"), "5")
        XCTAssertEqual(get.header("Server"), "citylab")
        XCTAssertEqual(get.header("Connection"), "keep-alive")
        XCTAssertNotNil(get.header("Date"))
        client.send("HEAD /hello HTTP/1.1\r\n\(host)\r\n")
        let head = try XCTUnwrap(client.readResponse(isHead: true))
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.header("Content-Length"), "5")
        XCTAssertTrue(head.body.isEmpty)
        // Nothing follows the HEAD answer: the next answer parses cleanly.
        client.send("GET /echo?a=1&b=x+y HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "path=/echo;query=a=1&b=x y")
    }

    func testKeepAliveSeveralRequestsThenClose() throws {
        let client = try live.client()
        for index in 0..<20 {
            client.send("GET /echo?i=\(index) HTTP/1.1\r\n\(host)\r\n")
            XCTAssertEqual(client.readResponse()?.text, "path=/echo;query=i=\(index)")
        }
        client.send("GET /hello HTTP/1.1\r\n\(host)Connection: close\r\n\r\n")
        let last = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(last.header("Connection"), "close")
        XCTAssertTrue(client.waitForClose())
    }

    func testHTTP10ClosesUnlessKeepAlive() throws {
        let client = try live.client()
        client.send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.header("Connection"), "keep-alive")
        client.send("GET /hello HTTP/1.0\r\n\r\n")
        XCTAssertEqual(client.readResponse()?.header("Connection"), "close")
        XCTAssertTrue(client.waitForClose())
    }

    func testPipelinedAnswersKeepRequestOrderBehindADelayedOne() throws {
        let client = try live.client()
        client.send(
            "GET /echo?n=1 HTTP/1.1\r\n\(host)\r\nGET /slow HTTP/1.1\r\n\(host)\r\n"
                + "GET /echo?n=3 HTTP/1.1\r\n\(host)\r\nHEAD /hello HTTP/1.1\r\n\(host)\r\n"
                + "GET /agenda/tok HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "path=/echo;query=n=1")
        let parked = live.parkedResponders(count: 1)
        XCTAssertEqual(parked.count, 1)
        XCTAssertFalse(client.receivedAnything(within: 0.2), "nothing may overtake the delayed answer")
        // Answer from another thread, as a data-waiting route would.
        let responder = try XCTUnwrap(parked.first)
        DispatchQueue.global().async { responder.send(.text("slow")) }
        XCTAssertEqual(client.readResponse()?.text, "slow")
        XCTAssertEqual(client.readResponse()?.text, "path=/echo;query=n=3")
        XCTAssertEqual(client.readResponse(isHead: true)?.header("Content-Length"), "5")
        XCTAssertEqual(client.readResponse()?.text, "agenda tok")
    }

    func testLimitsAndMalformedRequests() throws {
        let cases: [(String, Int)] = [
            ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\n\(host)\r\n", 414),
            (
                "GET / HTTP/1.1\r\n\(host)" + String(repeating: "X-Pad: 0123456789abcdef\r\n", count: 400)
                    + "\r\n", 431
            ),
            ("GET / HTTP/1.1 junk\r\n\(host)\r\n", 400),
            ("NOT A REQUEST\r\n\r\n", 400),
            ("GET /a%zz HTTP/1.1\r\n\(host)\r\n", 400),
            ("GET /a%00 HTTP/1.1\r\n\(host)\r\n", 400),
            ("GET /hello HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello", 413),
            ("GET /hello HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 413),
            ("POST /hello HTTP/1.1\r\n\(host)Content-Length: 3\r\n\r\nabc", 405),
        ]
        for (request, status) in cases {
            let client = try live.client()
            client.send(request)
            let response = try XCTUnwrap(client.readResponse(), "no answer for status \(status)")
            XCTAssertEqual(response.status, status)
            XCTAssertEqual(response.header("Content-Type"), "application/problem+json")
            XCTAssertEqual(response.header("Connection"), "close")
            XCTAssertTrue(response.text.contains("\"status\":\(status)"), response.text)
            if status == 405 { XCTAssertEqual(response.header("Allow"), "GET, HEAD") }
            XCTAssertTrue(client.waitForClose(), "connection must close after \(status)")
        }
        XCTAssertTrue(eventually { live.logEntries.count >= cases.count })
        XCTAssertEqual(live.logEntries.map(\.status), cases.map(\.1))
        XCTAssertEqual(live.logEntries.first?.method, "-")
        XCTAssertEqual(live.logEntries.last?.method, "POST")
    }

    func testRoutedMethodErrorsKeepTheConnection() throws {
        let client = try live.client()
        client.send("PUT /hello HTTP/1.1\r\n\(host)\r\n")
        let response = try XCTUnwrap(client.readResponse())
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "GET, HEAD, DELETE")
        client.send("BREW /nowhere HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.status, 404)
        client.send("DELETE /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "deleted")
    }

    func testTraversalIsNotNormalized() throws {
        let client = try live.client()
        for path in ["/agenda/../hello", "/x/../hello", "/hello/..", "/%2e%2e/hello", "/./hello"] {
            client.send("GET \(path) HTTP/1.1\r\n\(host)\r\n")
            XCTAssertEqual(client.readResponse()?.status, 404, path)
        }
        client.send("GET /agenda/.. HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "agenda ..")
    }

    func testAccessLogRedactsSecrets() throws {
        let client = try live.client()
        client.send("GET /agenda/s3cret.ics?x=1 HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse()?.text, "ics s3cret")
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertNotNil(client.readResponse())
        XCTAssertTrue(eventually { live.logEntries.count >= 2 })
        let entries = live.logEntries
        XCTAssertEqual(entries.map(\.path), ["/agenda/….ics", "/hello"])
        XCTAssertEqual(entries.map(\.status), [200, 200])
        XCTAssertFalse(entries.contains { $0.line.contains("s3cret") })
        XCTAssertGreaterThan(entries[1].bytes, 5)
    }

    func testLargeAnswerIsWrittenCompletely() throws {
        let client = try live.client()
        client.send("GET /big HTTP/1.1\r\n\(host)\r\nGET /hello HTTP/1.1\r\n\(host)\r\n")
        XCTAssertEqual(client.readResponse(timeout: 10)?.body.count, 1 << 20)
        XCTAssertEqual(client.readResponse()?.text, "hello", "\(live.logEntries.map(\.line))")
    }

    func testHalfClosedClientStillGetsItsAnswers() throws {
        let client = try live.client()
        client.send("GET /hello HTTP/1.1\r\n\(host)\r\nGET /echo HTTP/1.1\r\n\(host)\r\n")
        client.shutdownWrite()
        XCTAssertEqual(client.readResponse()?.text, "hello")
        XCTAssertEqual(client.readResponse()?.text, "path=/echo;query=")
        XCTAssertTrue(client.waitForClose())
    }

    func testBusyPortIsRefused() throws {
        let first = HTTPServer(configuration: .init(port: live.port, loops: 1)) { _, responder in
            responder.send(.text("intruder"))
        }
        XCTAssertThrowsError(try first.start()) { error in
            XCTAssertTrue("\(error)".contains("bind"), "\(error)")
        }
        first.stop(gracePeriod: .zero)
    }
}
