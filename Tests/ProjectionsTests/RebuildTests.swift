import Foundation
import Postgres
import Projections
import Synchronization
import TestSupport
import XCTest

/// Rebuilds swap shadow tables in without readers ever seeing an empty, partial or missing
/// table; a second rebuild is refused; a changed version is rebuilt at catch-up.
final class RebuildTests: XCTestCase {
    func testReadersNeverSeeAnEmptyPartialOrMissingTableDuringARebuild() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 7, database: database)
        try history.setUp(sessions: 10, attendees: 150)
        try Projector.catchUpAll(database.connection)
        let old = try database.count("SELECT count(*) AS n FROM attendees")
        for _ in 0..<100 { try history.register() }
        for _ in 0..<300 { try history.step() }
        let new = try database.count("SELECT count(*) AS n FROM events WHERE type = 'AttendeeRegistered'")
        XCTAssertGreaterThan(new, old)

        let done = Atomic<Bool>(false)
        let seen = Mutex<(queries: Int, counts: Set<Int>, errors: [String])>((0, [], []))
        let reader = Thread { [url = database.url] in
            do {
                let connection = try Connection(url)
                defer { connection.close() }
                while !done.load(ordering: .acquiring) {
                    do {
                        let n = try connection.query("SELECT count(*) AS n FROM attendees").rows[0].int("n")
                        _ = try connection.query("SELECT count(*) AS n FROM agendas JOIN agenda_sessions ON true LIMIT 1")
                        seen.withLock {
                            $0.queries += 1
                            $0.counts.insert(n)
                        }
                    } catch {
                        seen.withLock { if $0.errors.count < 5 { $0.errors.append("\(error)") } }
                    }
                }
            } catch {
                seen.withLock { $0.errors.append("connect: \(error)") }
            }
        }
        reader.start()
        try poll(timeout: .seconds(10), "the reader's first query") { seen.withLock { $0.queries > 0 } }
        _ = try Rebuilder.rebuild(Projector.all, database.connection, pageSize: 25)
        let afterSwap = seen.withLock { $0.queries }
        try poll(timeout: .seconds(10), "the reader's queries after the swap") { seen.withLock { $0.queries > afterSwap + 5 } }
        done.store(true, ordering: .releasing)
        let result = seen.withLock { $0 }
        XCTAssertEqual(result.errors, [], "a reader saw an error during the rebuild")
        XCTAssertGreaterThan(result.queries, 20)
        XCTAssertTrue(result.counts.allSatisfy { $0 == old || $0 == new }, "counts seen: \(result.counts.sorted()), old \(old), new \(new)")
        XCTAssertTrue(result.counts.contains(new), "the reader never saw the rebuilt table")
        let leftovers = try database.count("SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE '%\\_rebuild'")
        XCTAssertEqual(leftovers, 0)
    }

    func testASecondRebuildIsRefusedWhileOneRuns() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        let other = try Connection(database.url)
        defer { other.close() }
        try other.execute("SELECT pg_advisory_lock(hashtext('citylab-projection-rebuild-agendas'))")
        XCTAssertThrowsError(try Rebuilder.rebuild([AgendasProjection()], database.connection)) { error in
            guard let busy = error as? Rebuilder.Busy else { return XCTFail("expected Busy, got \(error)") }
            XCTAssertEqual(busy.projection, "agendas")
            XCTAssertEqual(busy.pid, Int(other.backendPID))
        }
        try other.execute("SELECT pg_advisory_unlock(hashtext('citylab-projection-rebuild-agendas'))")
        XCTAssertNoThrow(try Rebuilder.rebuild([AgendasProjection()], database.connection))
    }

    func testAChangedVersionIsRebuiltAtCatchUp() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 11, database: database)
        try history.setUp(sessions: 6, attendees: 30)
        for _ in 0..<200 { try history.step() }
        try Projector.catchUpAll(database.connection)
        let expected = try database.snapshotAll()
        // As if the rows had been written by an older fold: wrong contents, another version.
        try database.connection.execute("UPDATE program SET title = 'stale'")
        try database.connection.execute("UPDATE projection_checkpoints SET version = 0 WHERE name = 'program'")
        try Projector.catchUpAll(database.connection)
        XCTAssertEqual(try database.snapshotAll(), expected)
        XCTAssertEqual(try database.count("SELECT version AS n FROM projection_checkpoints WHERE name = 'program'"), 1)
    }

    /// A database whose placements were built by version 1 (before migration 105: no period)
    /// gets the opening's period at the next catch-up.
    func testPlacementsBuiltBeforeTheirPeriodGetItAtTheNextCatchUp() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 12, database: database)
        try history.setUp(sessions: 2, attendees: 3)
        for _ in 0..<300 { try history.step() }
        try Projector.catchUpAll(database.connection)
        let placed = try database.count("SELECT count(*) AS n FROM placements")
        XCTAssertGreaterThan(placed, 0)
        try database.connection.execute("UPDATE placements SET starts = NULL, ends = NULL")
        try database.connection.execute("UPDATE placement_openings SET starts = NULL, ends = NULL")
        try database.connection.execute("UPDATE projection_checkpoints SET version = 1 WHERE name = 'placements'")
        try Projector.catchUpAll(database.connection)
        XCTAssertEqual(
            try database.count("SELECT count(*) AS n FROM placements WHERE starts = '2026-06-01' AND ends = '2026-08-31'"), placed)
        let rows = try ReadModels.placements(database.connection)
        XCTAssertEqual(rows.count, placed)
        XCTAssertTrue(rows.allSatisfy { $0.starts == "2026-06-01" && $0.ends == "2026-08-31" }, "\(rows.prefix(2))")
    }

    /// Shadow tables are filled without indexes and get them at the end: the rebuilt tables
    /// have the same keys, indexes (names included), constraints and persistence as migrated ones.
    func testRebuiltTablesHaveTheMigratedIndexesAndConstraints() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 13, database: database)
        try history.setUp(sessions: 4, attendees: 20)
        for _ in 0..<100 { try history.step() }
        let tables = Projector.all.flatMap(\.tables)
        func schema() throws -> [String] {
            let indexes = try database.connection.query(
                "SELECT tablename || ' ' || indexname || ' ' || indexdef AS line FROM pg_indexes WHERE tablename = ANY($1)", [tables])
            let constraints = try database.connection.query(
                """
                SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line FROM pg_constraint
                WHERE conrelid::regclass::text = ANY($1)
                """, [tables])
            let persistence = try database.connection.query(
                "SELECT relname || ' ' || relpersistence::text AS line FROM pg_class WHERE relname = ANY($1)", [tables])
            return try (indexes.rows + constraints.rows + persistence.rows).map { try $0.string("line") }.sorted()
        }
        let migrated = try schema()
        XCTAssertTrue(migrated.contains { $0.hasPrefix("agendas agendas_token_hash_idx ") }, "\(migrated)")
        for cacheLimit in [200_000, 10] {
            _ = try Rebuilder.rebuild(Projector.all, database.connection, pageSize: 50, cacheLimit: cacheLimit)
            XCTAssertEqual(try schema(), migrated, "cache limit \(cacheLimit)")
        }
    }
}
