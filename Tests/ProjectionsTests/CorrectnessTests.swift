import Domain
import Events
import Postgres
import Projections
import XCTest

/// For a generated history of thousands of random commands, the read models after
/// incremental catch-up (in many steps) equal those after a full rebuild, row for row, and
/// the program agrees with a fresh fold of every session stream through `Session.evolve`.
final class CorrectnessTests: XCTestCase {
    func testIncrementalCatchUpEqualsRebuildRowForRow() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 20_261_014, database: database)
        try history.setUp(sessions: 24, attendees: 80)
        for step in 1...3000 {
            try history.step()
            if step % 250 == 0 { try Projector.catchUpAll(database.connection) }
        }
        try Projector.catchUpAll(database.connection)
        let events = try database.count("SELECT count(*) AS n FROM events")
        XCTAssertGreaterThan(events, 3000)
        let incremental = try database.snapshotAll()
        XCTAssertGreaterThan(incremental["rosters"]?.count ?? 0, 20)
        XCTAssertGreaterThan(incremental["placements"]?.count ?? 0, 5)

        try checkProgramAgainstDomain(database, history.sessions)

        _ = try Rebuilder.rebuild(Projector.all, database.connection)
        try assertEqual(incremental, try database.snapshotAll(), "full rebuild")
        // A rebuild that spills its caches often takes the other path through the row stores.
        _ = try Rebuilder.rebuild(Projector.all, database.connection, pageSize: 97, cacheLimit: 40)
        try assertEqual(incremental, try database.snapshotAll(), "rebuild with small caches")
    }

    private func assertEqual(_ expected: [String: [String]], _ actual: [String: [String]], _ label: String) throws {
        for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
            let other = actual[table] ?? []
            XCTAssertEqual(rows.count, other.count, "\(label): \(table) row count")
            for (left, right) in zip(rows, other) where left != right {
                XCTFail("\(label): \(table) differs:\n incremental \(left)\n rebuilt     \(right)")
                break
            }
        }
    }

    /// Seats, waitlists and waitlist order in the read models equal the domain's own fold.
    private func checkProgramAgainstDomain(_ database: ProjectionDatabase, _ sessions: [SessionID]) throws {
        for session in sessions {
            let state = Session.fold(try database.store.readStream(.session(session)).events.map { try $0.decoded() })
            let row = try XCTUnwrap(
                database.connection.query("SELECT seats_taken, waitlist_length FROM program WHERE session = $1", [session.rawValue]).first)
            XCTAssertEqual(try row.int("seats_taken"), state.seats.count, "\(session) seats")
            XCTAssertEqual(try row.int("waitlist_length"), state.waitlist.count, "\(session) waitlist")
            let waitlist = try database.connection.query(
                "SELECT attendee FROM rosters WHERE session = $1 AND kind = 'waitlist' ORDER BY since_position", [session.rawValue])
            XCTAssertEqual(try waitlist.rows.map { try $0.string("attendee") }, state.waitlist.map(\.rawValue), "\(session) waitlist order")
            for (index, attendee) in state.waitlist.enumerated() {
                let document = try XCTUnwrap(
                    database.connection.query("SELECT document::text AS d FROM agendas WHERE attendee = $1", [attendee.rawValue]).first)
                let agenda = try AgendaDocument.decode(try document.string("d"))
                XCTAssertEqual(
                    agenda.sessions.first { $0.session == session.rawValue }?.waitlistPosition, index + 1, "\(attendee) in \(session)")
            }
        }
    }
}
