import Application
import Domain
import Events
import Foundation
import Postgres
import Projections
import Synchronization
import TestSupport
import XCTest

/// `Projector.run`: woken by NOTIFY, and a lost connection reconnects instead of stopping.
final class RunLoopTests: XCTestCase {
    func testRunCatchesUpAfterEachAppendAndSurvivesALostConnection() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 3, database: database)
        try history.setUp(sessions: 3, attendees: 5)
        let stop = Atomic<Bool>(false)
        let backends = Mutex<[Int32]>([])
        let logs = Mutex<[String]>([])
        let url = database.url
        let runner = Thread {
            Projector.run(
                connect: {
                    let connection = try Connection(url)
                    backends.withLock { $0.append(connection.backendPID) }
                    return connection
                }, poll: .seconds(30), shouldStop: { stop.load(ordering: .relaxed) }, log: { line in logs.withLock { $0.append(line) } })
        }
        runner.start()
        defer { stop.store(true, ordering: .relaxed) }

        func caughtUp() throws -> Bool { try database.allCaughtUp() }
        try poll(timeout: .seconds(10), "the first catch-up") { try caughtUp() }
        // The poll interval is 30 s, so catching up within 10 s proves the NOTIFY woke it.
        try history.register()
        try poll(timeout: .seconds(10), "a catch-up woken by NOTIFY") { try caughtUp() }

        let first = try XCTUnwrap(backends.withLock { $0.first })
        try database.connection.execute("SELECT pg_terminate_backend($1)", [Int(first)])
        try history.register()
        try poll(timeout: .seconds(15), "a catch-up after the connection was killed") { try caughtUp() }
        XCTAssertGreaterThanOrEqual(backends.withLock { $0.count }, 2, "it never reconnected")
        XCTAssertTrue(logs.withLock { $0.contains { $0.contains("retrying") } }, "the lost connection was not logged")
        stop.store(true, ordering: .relaxed)
    }
}
