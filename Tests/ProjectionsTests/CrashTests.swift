import Foundation
import Postgres
import Projections
import TestSupport
import XCTest

/// A `citylab projections rebuild` killed with SIGKILL in the middle leaves the old tables
/// serving; the next rebuild starts clean and ends equal to an incremental catch-up.
final class CrashTests: XCTestCase {
    func testKillNineMidRebuildLeavesTheOldTablesServingAndTheNextRunStartsClean() throws {
        let database = try ProjectionDatabase.fresh()
        defer { database.close() }
        var history = HistoryGenerator(seed: 99, database: database)
        try history.setUp(sessions: 10, attendees: 60)
        for _ in 0..<800 { try history.step() }
        try Projector.catchUpAll(database.connection)
        let before = try database.snapshotAll()
        let checkpoints = try database.snapshot("projection_checkpoints")

        // Rows reach the shadow tables at the end of the fold, just before the swap: a reader's
        // lock on a live table holds the swap back, so the kill lands while they are full.
        let reader = try Connection(database.url)
        defer { reader.close() }
        try reader.simpleQuery("BEGIN; LOCK TABLE agendas IN ACCESS SHARE MODE")
        let process = try rebuild(database.url, pageSize: 3)
        try poll(timeout: .seconds(30), "the rebuild filling its shadow tables") {
            try database.count("SELECT count(*) AS n FROM pg_tables WHERE tablename = 'agendas_rebuild'") == 1
                && database.count("SELECT count(*) AS n FROM agendas_rebuild") > 10
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try reader.simpleQuery("ROLLBACK")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try database.snapshotAll(), before, "the live tables changed")
        XCTAssertEqual(try database.snapshot("projection_checkpoints"), checkpoints)

        // The killed backend's session lock goes with it; the next run drops the leftovers.
        try poll(timeout: .seconds(10), "the killed rebuild's lock to be released") {
            try database.count(
                "SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()"
            ) == 0
        }
        let again = try rebuild(database.url, pageSize: 500)
        again.waitUntilExit()
        XCTAssertEqual(again.terminationStatus, 0)
        XCTAssertEqual(try database.snapshotAll(), before)
        XCTAssertEqual(try database.count("SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE '%\\_rebuild'"), 0)
    }

    private func rebuild(_ url: String, pageSize: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citylab")
        process.arguments = ["projections", "rebuild", "--all"]
        var environment = ProcessInfo.processInfo.environment
        environment["CITYLAB_DATABASE_URL"] = url
        environment["CITYLAB_REBUILD_PAGE_SIZE"] = String(pageSize)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
