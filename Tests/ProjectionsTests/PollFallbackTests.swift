import Foundation
import Postgres
import Projections
import Synchronization
import TestSupport
import XCTest

/// `Projector.run` catches up within its poll interval when no NOTIFY comes (lost, or an
/// append that sent none).
final class PollFallbackTests: XCTestCase {
    func testEventsAppendedWithoutANotifyAreFoldedWithinThePollInterval() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 5, database: database)
        try history.setUp(sessions: 2, attendees: 2)
        let stop = Atomic<Bool>(false)
        let url = database.url
        let runner = Thread {
            Projector.run(
                connect: { try Connection(url) }, poll: .milliseconds(300), shouldStop: { stop.load(ordering: .relaxed) }, log: { _ in })
        }
        runner.start()
        defer { stop.store(true, ordering: .relaxed) }

        func caughtUp() throws -> Bool { try database.allCaughtUp() }
        try poll(timeout: .seconds(10), "the first catch-up") { try caughtUp() }

        // Plain INSERTs: no citylab_append, so no NOTIFY wakes the projector.
        let event = try database.connection.query(
            "SELECT data::text AS data FROM events WHERE type = 'ConferenceOpened' ORDER BY position LIMIT 1"
        ).rows[0].string("data")
        let opened = event.replacingOccurrences(of: "citylab-2026", with: "citylab-2027")
        let position = try RawEvents.append(database.connection, stream: "conference-citylab-2027", type: "ConferenceOpened", data: opened)
        let started = ContinuousClock.now
        try poll(timeout: .seconds(5), "a catch-up by the poll, with no NOTIFY") { try caughtUp() }
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3), "folded within a few poll intervals")
        XCTAssertEqual(
            try database.count("SELECT min(position)::int AS n FROM projection_checkpoints"), Int(position), "every projection folded it")
        stop.store(true, ordering: .relaxed)
    }
}
