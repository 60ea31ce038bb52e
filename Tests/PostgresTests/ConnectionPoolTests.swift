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

    func testNeverLendsMoreThanTheMaximumAtOnce() throws {
        let pool = ConnectionPool(url, maxConnections: 3, acquireTimeout: .seconds(30))
        defer { pool.shutDown() }
        let borrowed = OrderLog()
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        for _ in 0..<6 {
            Thread {
                _ = try? pool.withConnection { connection in
                    borrowed.append(Int(connection.backendPID))
                    _ = release.wait(timeout: .now() + 30)
                }
                finished.signal()
            }.start()
        }
        try poll(timeout: .seconds(10), "three borrowers") { borrowed.values.count >= 3 }
        // The other three are waiting for a connection: give them time to (wrongly) get one.
        XCTAssertThrowsError(try poll(timeout: .milliseconds(300), "a fourth borrower") { borrowed.values.count > 3 })
        XCTAssertEqual(pool.counts.open, 3)
        for _ in 0..<6 { release.signal() }
        for _ in 0..<6 { XCTAssertEqual(finished.wait(timeout: .now() + 30), .success) }
        XCTAssertEqual(borrowed.values.count, 6)
        XCTAssertEqual(Set(borrowed.values).count, 3, "connections are reused")
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
