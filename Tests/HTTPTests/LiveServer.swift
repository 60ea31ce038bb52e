import Foundation
import HTTP
import Synchronization
import XCTest

/// A server on port 0 with a small test application:
/// `/hello`, `/echo` (path and query), `/agenda/{token}` and `/agenda/{token}.ics`
/// (token secret), `/slow` (parked until the test answers), `/big` (1 MiB).
final class LiveServer: Sendable {
    let server: HTTPServer
    private let recorded = Recorded()

    init(
        loops: Int = 2,
        maxConnections: Int = 16_384,
        headerTimeout: Duration = .seconds(10),
        idleTimeout: Duration = .seconds(30),
        maxRequestLine: Int = 8192,
        maxHeaderBytes: Int = 8192
    ) throws {
        let recorded = self.recorded
        var router = Router()
        router.get("/hello") { _, _, responder in responder.send(.text("hello")) }
        router.get("/echo") { request, _, responder in
            let query = request.query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            responder.send(.text("path=\(request.path);query=\(query.joined(separator: "&"))"))
        }
        router.get("/agenda/{token}", secret: ["token"]) { _, parameters, responder in
            responder.send(.text("agenda \(parameters["token"] ?? "")"))
        }
        router.get("/agenda/{token}.ics", secret: ["token"]) { _, parameters, responder in
            responder.send(.text("ics \(parameters["token"] ?? "")"))
        }
        router.add("DELETE", "/hello") { _, _, responder in responder.send(.text("deleted")) }
        router.get("/slow") { _, _, responder in recorded.parked.withLock { $0.append(responder) } }
        router.get("/big") { _, _, responder in
            responder.send(Response(status: 200, body: [UInt8](repeating: 120, count: 1 << 20)))
        }
        let configuration = HTTPServer.Configuration(
            port: 0, loops: loops, maxConnections: maxConnections, headerTimeout: headerTimeout,
            idleTimeout: idleTimeout, maxRequestLine: maxRequestLine, maxHeaderBytes: maxHeaderBytes,
            accessLog: { entry in recorded.log.withLock { $0.append(entry) } })
        server = HTTPServer(configuration: configuration, handler: router.handler)
        try server.start()
    }

    var port: Int { server.port }

    func client() throws -> TestClient { try TestClient(port: port) }

    /// Waits until `count` `/slow` requests are parked, and returns them.
    func parkedResponders(count: Int, timeout: TimeInterval = 5) -> [Responder] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let responders = recorded.parked.withLock { $0 }
            if responders.count >= count { return responders }
            _ = poll(nil, 0, 5)
        }
        return recorded.parked.withLock { $0 }
    }

    var logEntries: [AccessLogEntry] { recorded.log.withLock { $0 } }

    func stop() { server.stop(gracePeriod: .seconds(2)) }
}

/// Polls `condition` until it holds or the timeout passes.
func eventually(timeout: TimeInterval = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        _ = poll(nil, 0, 5)
    }
    return condition()
}
