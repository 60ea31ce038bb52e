import XCTest

@testable import HTTP

final class ResponseSerializerTests: XCTestCase {
    private func serialize(_ response: Response, headOnly: Bool = false, keepAlive: Bool = true) -> (String, Int) {
        var out = Array("earlier".utf8)
        let count = ResponseSerializer.write(
            response, headOnly: headOnly, keepAlive: keepAlive, date: Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8), into: &out)
        XCTAssertEqual(out.count, 7 + count)
        return (String(decoding: out.dropFirst(7), as: UTF8.self), count)
    }

    func testServerOwnsFramingAndDefaults() {
        let response = Response(
            status: 200,
            headers: [
                ("Content-Type", "application/json"), ("content-length", "999"), ("Connection", "upgrade"),
                ("Transfer-Encoding", "chunked"), ("X-Projection-Position", "42"),
            ],
            body: Array("{}".utf8))
        let (text, _) = serialize(response)
        XCTAssertEqual(
            text,
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Projection-Position: 42\r\nServer: citylab\r\n"
                + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}")
    }

    func testUnsafeHeadersAreDroppedWholeAndOwnDateAndServerKept() {
        let response = Response(
            status: 429,
            headers: [
                ("X-Split", "a\r\nSet-Cookie: x"), ("Bad\nName", "v"), ("X-Nul", "a\u{0}b"), ("Date", "Mon\r\n"), ("Server", "mine"),
                ("X-Ok", "fine"),
            ],
            body: Array("tea".utf8))
        let (text, _) = serialize(response, keepAlive: false)
        XCTAssertEqual(
            text,
            "HTTP/1.1 429 Too Many Requests\r\nServer: mine\r\nX-Ok: fine\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\ntea")
    }

    func testHeadAndBodylessStatuses() {
        let (head, _) = serialize(Response(status: 200, body: Array(repeating: 65, count: 12_345)), headOnly: true)
        XCTAssertTrue(head.contains("Content-Length: 12345\r\n"))
        XCTAssertTrue(head.hasSuffix("\r\n\r\n"))
        let (notModified, _) = serialize(Response(status: 304, headers: [("ETag", "\"e\"")], body: Array("x".utf8)))
        XCTAssertTrue(notModified.hasPrefix("HTTP/1.1 304 Not Modified\r\nETag: \"e\"\r\n"))
        XCTAssertFalse(notModified.contains("Content-Length"))
        XCTAssertTrue(notModified.hasSuffix("\r\n\r\n"))
        let (odd, _) = serialize(Response(status: 1_000))
        XCTAssertTrue(odd.hasPrefix("HTTP/1.1 500 Internal Server Error\r\n"))
    }

    func testDecimals() {
        for value in [0, 7, 10, 404, 65_535, 1_234_567_890, Int.max] {
            var out: [UInt8] = []
            ResponseSerializer.appendDecimal(value, to: &out)
            XCTAssertEqual(String(decoding: out, as: UTF8.self), String(value))
        }
    }
}
