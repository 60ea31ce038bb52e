import Foundation
import Postgres
import XCTest

@testable import Projections

/// The rebuild's binary event stream reads back what the server holds, the instant spelled as
/// `citylab_instant()` spells it.
final class EventBinaryRowTests: XCTestCase {
    func testInstantsAreSpelledAsCitylabInstant() throws {
        let cases: [(Int64, String)] = [
            (0, "2000-01-01T00:00:00.000000Z"),
            (-1, "1999-12-31T23:59:59.999999Z"),
            (845_298_005_123_456, "2026-10-14T13:00:05.123456Z"),
            (762_566_399_000_001, "2024-02-29T23:59:59.000001Z"),
            (-946_684_800_000_000, "1970-01-01T00:00:00.000000Z"),
            (252_455_615_999_999_999, "9999-12-31T23:59:59.999999Z"),
            (-63_082_281_600_000_000, "0001-01-01T00:00:00.000000Z"),
        ]
        for (microseconds, text) in cases { XCTAssertEqual(try EventBinaryRow.spell(microseconds: microseconds), text) }
        XCTAssertThrowsError(try EventBinaryRow.spell(microseconds: .max))
        XCTAssertThrowsError(try EventBinaryRow.spell(microseconds: .min))
    }

    func testRowsReadBackAsTheServerHoldsThem() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 5, database: database)
        try history.setUp(sessions: 3, attendees: 10)
        for _ in 0..<50 { try history.step() }
        let connection = database.connection
        let expected = try connection.query(
            "SELECT position, type, schema, data::text AS data, citylab_instant(recorded_at) AS instant FROM events ORDER BY position"
        ).rows.map { row in
            "\(try row.int64("position")) \(try row.string("type")) \(try row.int("schema")) \(try row.string("data")) \(try row.string("instant"))"
        }
        var read: [String] = []
        try connection.copyOut(
            """
            COPY (SELECT position::int8, type::text, schema::int4, data::text, recorded_at::timestamptz FROM events ORDER BY position)
            TO STDOUT (FORMAT binary)
            """
        ) { chunk in
            guard let event = try EventBinaryRow.parse(chunk) else { return }
            read.append("\(event.position) \(event.type) \(event.schema) \(event.data) \(event.instant)")
        }
        XCTAssertGreaterThan(expected.count, 50)
        XCTAssertEqual(read, expected)
        XCTAssertThrowsError(try EventBinaryRow.parse([0, 2, 0, 0, 0, 8]))
    }
}
