import Dispatch
import Foundation
import Postgres
import TestSupport
import XCTest

final class ConnectionPoolTests: XCTestCase {
    private var url = ""

    override func setUpWithError() throws {
        try super.setUpWithError()
        url = try TestCluster.shared.freshDatabase()
    }

    func testReusesAnIdleConnection() throws {
        let pool = ConnectionPool(url, maxConnections: 2)
        defer { pool.shutDown() }
        let first = try pool.withConnection { $0.backendPID }
        let second = try pool.withConnection { $0.backendPID }
        XCTAssertEqual(first, second)
        XCTAssertEqual(pool.counts.open, 1)
    }

    func testNeverOpensMoreThanTheMaximum() throws {
        let pool = ConnectionPool(url, maxConnections: 3)
        defer { pool.shutDown() }
        let pids = OrderLog()
        DispatchQueue.concurrentPerform(iterations: 12) { _ in
            let pid = try? pool.withConnection { connection -> Int32 in
                _ = try connection.query("SELECT pg_sleep(0.05)")
                return connection.backendPID
            }
            pids.append(Int(pid ?? -1))
        }
        XCTAssertFalse(pids.values.contains(-1))
        XCTAssertLessThanOrEqual(Set(pids.values).count, 3)
        XCTAssertLessThanOrEqual(pool.counts.open, 3)
    }

    func testTimesOutWhenAllConnectionsAreBusy() throws {
        let pool = ConnectionPool(url, maxConnections: 1, acquireTimeout: .milliseconds(100))
        defer { pool.shutDown() }
        try pool.withConnection { _ in
            let clock = ContinuousClock()
            let start = clock.now
            XCTAssertThrowsError(try pool.withConnection { _ in }) { error in
                XCTAssertEqual((error as? PostgresError)?.kind, .connection)
                XCTAssertTrue("\(error)".contains("timed out"), "\(error)")
            }
            XCTAssertGreaterThanOrEqual(clock.now - start, .milliseconds(100))
        }
        XCTAssertNoThrow(try pool.withConnection { _ in })
    }

    func testDiscardsABrokenConnection() throws {
        let pool = ConnectionPool(url, maxConnections: 1)
        defer { pool.shutDown() }
        let admin = try Connection(url)
        defer { admin.close() }
        let doomed = try pool.withConnection { $0.backendPID }
        _ = try admin.query("SELECT pg_terminate_backend($1)", [doomed])
        try poll(timeout: .seconds(10), "backend \(doomed) to exit") {
            try admin.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [doomed]).isEmpty
        }
        XCTAssertThrowsError(try pool.withConnection { _ = try $0.query("SELECT 1") })
        XCTAssertEqual(pool.counts.open, 0)
        let replacement = try pool.withConnection { $0.backendPID }
        XCTAssertNotEqual(replacement, doomed)
    }

    func testDiscardsAConnectionLeftInATransaction() throws {
        let pool = ConnectionPool(url, maxConnections: 1)
        defer { pool.shutDown() }
        let first = try pool.withConnection { connection -> Int32 in
            try connection.simpleQuery("BEGIN")
            return connection.backendPID
        }
        XCTAssertEqual(pool.counts.open, 0)
        XCTAssertNotEqual(try pool.withConnection { $0.backendPID }, first)
    }

    func testAfterShutDownBorrowingThrowsClosed() throws {
        let pool = ConnectionPool(url, maxConnections: 1)
        try pool.withConnection { _ in }
        pool.shutDown()
        XCTAssertEqual(pool.counts.open, 0)
        XCTAssertThrowsError(try pool.withConnection { _ in }) { XCTAssertEqual(($0 as? PostgresError)?.kind, .closed) }
    }
}
