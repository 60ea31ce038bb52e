import Synchronization
import XCTest

@testable import HTTP

final class RouterTests: XCTestCase {
    private func router() -> Router {
        var router = Router()
        router.get("/health") { _, _, responder in responder.send(.text("ok")) }
        router.get("/agenda/{token}", secret: ["token"]) { _, parameters, responder in
            responder.send(.text("agenda \(parameters["token"] ?? "-")"))
        }
        router.get("/agenda/{token}.ics", secret: ["token"]) { _, parameters, responder in
            responder.send(.text("ics \(parameters["token"] ?? "-")"))
        }
        router.get("/sessions/{id}") { _, parameters, responder in
            responder.send(.text("session \(parameters["id"] ?? "-")"))
        }
        return router
    }

    /// Routes in-process and returns the inline answer and the log path.
    private func run(_ method: String, _ rawPath: String) throws -> (Response, String?) {
        var parser = RequestParser()
        parser.append(Array("\(method) \(rawPath) HTTP/1.1\r\nHost: t\r\n\r\n".utf8))
        guard case .request(let parsed) = parser.next() else {
            throw TestFailure("unparsable \(rawPath)")
        }
        let responder = Responder(deliverLater: { _ in })
        router().route(parsed.request, responder)
        let response = try XCTUnwrap(responder.finishInline(), "no inline answer for \(rawPath)")
        return (response, responder.logPath)
    }

    func testMatchesAndRedacts() throws {
        let table: [(String, Int, String, String?)] = [
            ("/health", 200, "ok", "/health"),
            ("/agenda/abc", 200, "agenda abc", "/agenda/…"),
            ("/agenda/abc.ics", 200, "ics abc", "/agenda/….ics"),
            ("/agenda/a%2Fb", 200, "agenda a/b", "/agenda/…"),
            ("/sessions/ses_1", 200, "session ses_1", "/sessions/ses_1"),
            ("/agenda/.ics", 200, "agenda .ics", "/agenda/…"),
        ]
        for (path, status, body, logPath) in table {
            let (response, logged) = try run("GET", path)
            XCTAssertEqual(response.status, status, path)
            XCTAssertEqual(String(decoding: response.body, as: UTF8.self), body, path)
            XCTAssertEqual(logged, logPath, path)
        }
    }

    func testUnknownPathsAndTraversal() throws {
        for path in [
            "/", "/nope", "/health/", "/agenda", "/agenda/", "/agenda/a/b", "/agenda/../health",
            "/health/..", "/x/%2e%2e/health", "/%68ealth/x",
        ] {
            let (response, _) = try run("GET", path)
            XCTAssertEqual(response.status, 404, path)
            XCTAssertEqual(response.header("Content-Type"), "application/problem+json", path)
        }
    }

    func testWrongMethodGets405WithAllow() throws {
        let (response, _) = try run("DELETE", "/agenda/abc")
        XCTAssertEqual(response.status, 405)
        XCTAssertEqual(response.header("Allow"), "GET, HEAD")
        let body = String(decoding: response.body, as: UTF8.self)
        XCTAssertTrue(
            body.hasPrefix("{\"type\":\"about:blank\",\"title\":\"Method Not Allowed\",\"status\":405,"),
            body)
        let (head, _) = try run("HEAD", "/health")
        XCTAssertEqual(head.status, 200)
    }

    func testProblemBodyEscapes() {
        let response = Response.problem(status: 400, title: "Bad \"x\"", detail: "line\nbreak\\")
        XCTAssertEqual(
            String(decoding: response.body, as: UTF8.self),
            #"{"type":"about:blank","title":"Bad \"x\"","status":400,"detail":"line\nbreak\\"}"#)
    }

    func testResponderAnswersOnceAndLaterAnswersGoToTheLoop() {
        let delivered = Mutex<[Int]>([])
        let responder = Responder(deliverLater: { response in
            delivered.withLock { $0.append(response.status) }
        })
        XCTAssertNil(responder.finishInline())
        responder.send(.text("a", status: 201))
        responder.send(.text("b", status: 202))
        XCTAssertEqual(delivered.withLock { $0 }, [201])
    }

    func testPublicResponderDeliversToItsClosure() {
        let delivered = Mutex<[String]>([])
        let responder = Responder(onSend: { response in
            delivered.withLock { $0.append(String(decoding: response.body, as: UTF8.self)) }
        })
        router().route(
            Request(method: "GET", path: "/health", headers: HTTPHeaders([("Host", "t")])), responder)
        responder.send(.text("ignored"))
        XCTAssertEqual(delivered.withLock { $0 }, ["ok"])
        XCTAssertTrue(responder.isSent)
    }

    func testConcurrentSendsDeliverExactlyOnce() {
        for _ in 0..<50 {
            let delivered = Mutex<Int>(0)
            let responder = Responder(deliverLater: { _ in delivered.withLock { $0 += 1 } })
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                if index == 0 { _ = responder.finishInline() }
                responder.send(.text("\(index)"))
            }
            let inline = responder.finishInline()
            XCTAssertEqual(delivered.withLock { $0 } + (inline == nil ? 0 : 1), 1)
        }
    }
}
