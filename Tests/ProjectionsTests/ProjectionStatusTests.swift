import Foundation
import Postgres
import Projections
import TestSupport
import XCTest

/// Lag in seconds is the head's `recorded_at` minus the oldest unfolded event's, before the
/// first catch-up as after it.
final class ProjectionStatusTests: XCTestCase {
    func testLagRunsFromTheOldestUnfoldedEventBeforeAndAfterTheFirstCatchUp() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        let opened =
            #"{"conference":"citylab-2026","name":"CityLab 2026","city":"Bogotá","time_zone":"America/Bogota","starts":"2026-10-14","ends":"2026-10-16"}"#
        try RawEvents.append(database.connection, stream: "conference-citylab-2026", type: "ConferenceOpened", data: opened, secondsAgo: 40)
        try RawEvents.append(database.connection, stream: "note-1", type: "OperatorNote", data: "{}", secondsAgo: 10)

        let before = try Projector.status(database.connection)
        XCTAssertEqual(before.map(\.name), Projector.all.map(\.name))
        for row in before {
            XCTAssertNil(row.storedVersion, "no checkpoint yet")
            XCTAssertEqual(row.lagEvents, 2)
            XCTAssertEqual(row.lagSeconds, 30, "\(row)")
            XCTAssertEqual(Double(row.lagMs), 30_000, accuracy: 1_000, "\(row)")
        }

        try Projector.catchUpAll(database.connection)
        try RawEvents.append(database.connection, stream: "note-1", type: "OperatorNote", data: "{}", secondsAgo: 20)
        try RawEvents.append(database.connection, stream: "note-1", type: "OperatorNote", data: "{}", secondsAgo: 5)
        for row in try Projector.status(database.connection) {
            XCTAssertEqual(row.lagEvents, 2)
            XCTAssertEqual(row.lagSeconds, 15, "\(row)")
        }
        try Projector.catchUpAll(database.connection)
        XCTAssertTrue(try Projector.status(database.connection).allSatisfy { $0.lagEvents == 0 && $0.lagMs == 0 && $0.lagSeconds == 0 })
    }
}
