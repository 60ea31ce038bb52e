import Application
import Foundation
import Postgres
import ReadAPI
import TestSupport
import XCTest

/// Agendas beyond the memory capacity (read by workers), and a database that goes away.
final class ReadAPIResilienceTests: XCTestCase {
    var fixture: ReadAPIFixture!

    override func setUpWithError() throws {
        fixture = try ReadAPIFixture()
        try fixture.loadScenario()
    }

    override func tearDown() { fixture?.stop() }

    func testAgendasNotInMemoryAreReadByWorkersAndFollowReissues() throws {
        let server = try fixture.startServer(capacity: 1)
        XCTAssertEqual(server.cachedAgendas, 0, "two agendas do not fit a capacity of one: none is preloaded")
        let ana = try XCTUnwrap(fixture.tokens["ana"])
        let first = try fixture.get("/agenda/\(ana).json")
        XCTAssertEqual(first.status, 200)
        XCTAssertTrue(first.text.contains("\"attendee\":\"att_ana\""))
        try poll(timeout: .seconds(5), "the worker's read to be kept") { server.cachedAgendas == 1 }
        XCTAssertEqual(try fixture.get("/agenda/\(ana).json").body, first.body)
        let bo = try fixture.get("/agenda/\(try XCTUnwrap(fixture.tokens["bo"])).json")
        XCTAssertEqual(bo.status, 200, "over capacity: answered by a worker, not kept")
        XCTAssertEqual(server.cachedAgendas, 1)
        let unknown = try fixture.get("/agenda/\(AgendaToken.generate())")
        XCTAssertEqual(unknown.status, 404)

        let old = try fixture.reissue("ana")
        let head = try fixture.head()
        let fresh = try fixture.get("/agenda/\(try XCTUnwrap(fixture.tokens["ana"])).json?min_position=\(head)")
        XCTAssertEqual(fresh.status, 200)
        let revoked = try fixture.get("/agenda/\(old)")
        XCTAssertEqual(revoked.status, 404)
        XCTAssertEqual(revoked.body, unknown.body)
    }

    func testHealthIs503WhileTheDatabaseIsDownAndAgendasAreStillServed() throws {
        try fixture.startServer()
        let token = try XCTUnwrap(fixture.tokens["ana"])
        XCTAssertEqual(try fixture.get("/health").status, 200)
        let name = try XCTUnwrap(URLComponents(string: fixture.url)?.path.dropFirst()).description
        let admin = try Connection(TestCluster.shared.adminURL)
        defer { admin.close() }
        let quoted = try SQLIdentifier.quote(name)
        try admin.simpleQuery("ALTER DATABASE \(quoted) WITH ALLOW_CONNECTIONS false")
        defer { _ = try? admin.simpleQuery("ALTER DATABASE \(quoted) WITH ALLOW_CONNECTIONS true") }
        try admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [name])
        var health: WireClient.Response?
        try poll(timeout: .seconds(10), "/health to report the database down") {
            health = try fixture.get("/health")
            return health?.status == 503
        }
        let body = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(health).body)) as? [String: Any])
        XCTAssertEqual(body["database"] as? String, "down")
        XCTAssertEqual(body["status"] as? String, "unavailable")
        XCTAssertNotNil(body["projections"] as? [String: Any])
        XCTAssertEqual(try fixture.get("/agenda/\(token).json").status, 200, "agendas in memory are still served")
        try admin.simpleQuery("ALTER DATABASE \(quoted) WITH ALLOW_CONNECTIONS true")
        try poll(timeout: .seconds(10), "/health to recover") { try fixture.get("/health").status == 200 }
    }
}
