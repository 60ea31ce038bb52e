import XCTest

@testable import HTTP

final class RequestParserTests: XCTestCase {
    private func parseAll(_ text: String, chunks: [Int]? = nil, limits: (Int, Int) = (8192, 8192))
        -> [RequestParser.Event]
    {
        var parser = RequestParser(maxRequestLine: limits.0, maxHeaderBytes: limits.1)
        var events: [RequestParser.Event] = []
        let bytes = Array(text.utf8)
        var offset = 0
        var sizes = chunks ?? [bytes.count]
        while offset < bytes.count {
            let size = min(sizes.isEmpty ? 1 : sizes.removeFirst(), bytes.count - offset)
            parser.append(bytes[offset..<(offset + size)])
            offset += size
            loop: while true {
                let event = parser.next()
                switch event {
                case .needMoreData: break loop
                case .request: events.append(event)
                case .failure:
                    events.append(event)
                    return events
                }
            }
        }
        return events
    }

    private func single(_ text: String) -> ParsedRequest? {
        guard case .request(let parsed)? = parseAll(text).first else { return nil }
        return parsed
    }

    private func failure(_ text: String, limits: (Int, Int) = (8192, 8192)) -> HTTPParseError? {
        guard case .failure(let error)? = parseAll(text, limits: limits).last else { return nil }
        return error
    }

    func testGoodHeads() throws {
        let table: [(String, method: String, path: String, keepAlive: Bool)] = [
            ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/", true),
            ("HEAD /x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", "HEAD", "/x", false),
            ("GET /x HTTP/1.0\r\n\r\n", "GET", "/x", false),
            ("GET /x HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", "GET", "/x", true),
            ("GET /x HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, CLOSE\r\n\r\n", "GET", "/x", false),
            ("GET /a%20b/c%2Fd HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/a b/c/d", true),
            ("GET /caf%C3%A9 HTTP/1.1\nHost: a\n\n", "GET", "/café", true),
            ("\r\n\r\nGET /lead HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/lead", true),
            ("GET http://example.com/abs?x=1 HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/abs", true),
            ("FOO /m HTTP/1.1\r\nHost: a\r\n\r\n", "FOO", "/m", true),
            ("GET /../etc HTTP/1.1\r\nHost: a\r\n\r\n", "GET", "/../etc", true),
        ]
        for (text, method, path, keepAlive) in table {
            let parsed = try XCTUnwrap(single(text), "no request from \(text.debugDescription)")
            XCTAssertEqual(parsed.request.method, method, text.debugDescription)
            XCTAssertEqual(parsed.request.path, path, text.debugDescription)
            XCTAssertEqual(parsed.keepAlive, keepAlive, text.debugDescription)
            XCTAssertFalse(parsed.hasBody)
        }
    }

    func testQueryHeadersAndRawPath() throws {
        let parsed = try XCTUnwrap(
            single(
                "GET /p%41th?a=1&b=two+words&c=%26&a=2&flag HTTP/1.1\r\nHOST: h\r\nX-Thing:  v  \r\n\r\n"))
        XCTAssertEqual(parsed.request.rawPath, "/p%41th")
        XCTAssertEqual(parsed.request.path, "/pAth")
        XCTAssertEqual(parsed.request.rawQuery, "a=1&b=two+words&c=%26&a=2&flag")
        XCTAssertEqual(parsed.request.query, ["a": "1", "b": "two words", "c": "&", "flag": ""])
        XCTAssertEqual(parsed.request.header("host"), "h")
        XCTAssertEqual(parsed.request.header("x-THING"), "v")
        XCTAssertNil(parsed.request.header("missing"))
        XCTAssertEqual(parsed.request.version, "HTTP/1.1")
    }

    func testBodiesAreFlagged() throws {
        XCTAssertEqual(single("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n")?.hasBody, true)
        XCTAssertEqual(
            single("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")?.hasBody, true)
        XCTAssertEqual(single("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")?.hasBody, false)
    }

    func testEveryChunkingGivesTheSameRequests() throws {
        let text =
            "GET /one?x=%41 HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n\r\n"
            + "HEAD /two HTTP/1.1\r\nHost: a\r\n\r\nGET /three HTTP/1.0\r\n\r\n"
        var generator = SystemRandomNumberGenerator()
        let plans: [[Int]] =
            [[1], [2], [3], [7], [text.utf8.count - 1]]
            + (0..<50).map { _ in (0..<40).map { _ in Int.random(in: 1...17, using: &generator) } }
        for plan in plans {
            let events = parseAll(
                text, chunks: plan.count == 1 ? Array(repeating: plan[0], count: 1000) : plan)
            let paths = events.compactMap { event -> String? in
                if case .request(let parsed) = event { return parsed.request.path }
                return nil
            }
            XCTAssertEqual(paths, ["/one", "/two", "/three"], "chunk plan \(plan)")
        }
    }

    func testMalformedHeads() {
        let table: [(String, Int)] = [
            ("GET /\r\n\r\n", 400),
            ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET / HTTP/1.1 extra\r\nHost: a\r\n\r\n", 400),
            ("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET noslash HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /a#frag HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%4 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /a%00b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /%C3%28 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET /?q=%G1 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("GET /\u{1}x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ]
        for (text, status) in table {
            XCTAssertEqual(failure(text)?.status, status, text.debugDescription)
        }
    }

    func testLimits() {
        let longLine = "GET /" + String(repeating: "a", count: 200) + " HTTP/1.1\r\nHost: a\r\n\r\n"
        XCTAssertEqual(failure(longLine, limits: (100, 8192))?.status, 414)
        // Refused before the line ends: the limit holds against a client that never sends LF.
        var parser = RequestParser(maxRequestLine: 100, maxHeaderBytes: 100)
        parser.append(Array(("GET /" + String(repeating: "a", count: 150)).utf8))
        guard case .failure(.requestLineTooLong) = parser.next() else { return XCTFail("expected 414") }

        let manyHeaders =
            "GET / HTTP/1.1\r\nHost: a\r\n" + String(repeating: "X-A: 0123456789\r\n", count: 10) + "\r\n"
        XCTAssertEqual(failure(manyHeaders, limits: (8192, 100))?.status, 431)
        var endless = RequestParser(maxRequestLine: 100, maxHeaderBytes: 100)
        endless.append(Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 150)).utf8))
        guard case .failure(.headersTooLarge) = endless.next() else { return XCTFail("expected 431") }

        // Exactly at the limits passes.
        let line = "GET /" + String(repeating: "a", count: 100 - 14) + " HTTP/1.1"
        XCTAssertEqual(line.utf8.count, 100)
        let header = "Host: " + String(repeating: "h", count: 100 - 8)
        XCTAssertEqual(header.utf8.count + 2, 100)
        guard case .request? = parseAll(line + "\r\n" + header + "\r\n\r\n", limits: (100, 100)).first
        else {
            return XCTFail("a head exactly at the limits must pass")
        }
    }

    func testFailureIsSticky() {
        var parser = RequestParser()
        parser.append(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
        guard case .failure = parser.next(), case .failure = parser.next() else {
            return XCTFail("expected failures")
        }
    }
}
