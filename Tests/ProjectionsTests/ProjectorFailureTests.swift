import Foundation
import Postgres
import Projections
import TestSupport
import XCTest

/// One projection that cannot fold an event stops alone: the others reach the head, and only
/// the failed one shows the error; an error clears once its projection is caught up again.
final class ProjectorFailureTests: XCTestCase {
    var database: ProjectionDatabase!

    override func setUpWithError() throws {
        database = try ProjectionDatabase.fresh()
        var history = HistoryGenerator(seed: 7, database: database)
        try history.setUp(sessions: 3, attendees: 4)
        try Projector.catchUpAll(database.connection)
    }

    override func tearDown() { database?.close() }

    func checkpoints() throws -> [String: (position: Int64, error: String?)] {
        var result: [String: (Int64, String?)] = [:]
        for row in try database.connection.query("SELECT name, position, last_error FROM projection_checkpoints").rows {
            result[try row.string("name")] = (try row.int64("position"), row["last_error"])
        }
        return result
    }

    func head() throws -> Int64 {
        try database.connection.query("SELECT position FROM log_head").rows[0].int64("position")
    }

    func testAnEventOnlyPlacementsFoldsStopsPlacementsAlone() throws {
        // Only the placements projection folds PlacementProposed; this payload lacks every field.
        let bad = try RawEvents.append(database.connection, stream: "placement-plc_bad", type: "PlacementProposed", data: "{}")
        var history = HistoryGenerator(seed: 8, database: database)
        history.counter = 1000
        try history.register()
        let head = try head()
        XCTAssertGreaterThan(head, bad)

        XCTAssertThrowsError(try Projector.catchUpAll(database.connection)) { error in
            let failed = error as? Projector.CatchUpFailed
            XCTAssertEqual(failed.map { Array($0.failures.keys) }, ["placements"], "\(error)")
        }
        let after = try checkpoints()
        for name in ["attendees", "program", "agendas"] {
            XCTAssertEqual(after[name]?.position, head, "\(name) did not reach the head")
            XCTAssertNil(after[name]?.error ?? nil, "\(name) shows an error of an event it does not fold")
        }
        XCTAssertEqual(after["placements"]?.position, bad - 1, "placements stops just before the event it cannot read")
        let error = try XCTUnwrap(after["placements"]?.error ?? nil)
        XCTAssertTrue(error.contains("event \(bad) (PlacementProposed)"), error)
        XCTAssertEqual(try database.count("SELECT count(*) AS n FROM attendees WHERE id = 'att_g1001'"), 1, "a later registration is read")

        let status = try Projector.status(database.connection)
        XCTAssertEqual(status.filter { $0.lastError != nil }.map(\.name), ["placements"])
        XCTAssertEqual(status.first { $0.name == "placements" }?.lagEvents, head - bad + 1)
    }

    func testAnErrorClearsOnceItsProjectionIsCaughtUpOrAdvances() throws {
        try database.connection.execute(
            "UPDATE projection_checkpoints SET last_error = 'connection lost' WHERE name IN ('agendas', 'program')")
        var history = HistoryGenerator(seed: 9, database: database)
        history.counter = 2000
        try history.register()  // program and agendas fold it: both advance
        try database.connection.execute("UPDATE projection_checkpoints SET last_error = 'connection lost' WHERE name = 'placements'")
        try Projector.catchUpAll(database.connection)  // placements has nothing to fold: it is caught up
        let after = try checkpoints()
        XCTAssertTrue(after.allSatisfy { $0.value.error == nil }, "\(after)")
    }
}
