import Application
import EventStore
import Foundation
import Postgres
import XCTest

/// The same seed gives the same events: a load in this process (the template's) and `citylab sample load` in
/// another (its own hash seeds, so no dictionary order can leak in) write the same log, apart
/// from when it was written and the hashes that cover that.
final class SampleDeterminismTests: XCTestCase {
    func testTheSameSeedWritesTheSameLogInAnotherProcess() throws {
        let here = try SampleTemplate.harness()
        let there = try CLIHarness.fresh()

        let run = try there.run("--json", "sample", "load")
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try run.json()
        XCTAssertEqual(report["attendees"] as? Int, 600)
        let showcase = try XCTUnwrap(report["showcase"] as? [[String: Any]])
        XCTAssertEqual(showcase.count, 2)
        XCTAssertTrue((showcase[0]["agenda_url"] as? String)?.hasSuffix("/agenda/\(showcase[0]["token"] as? String ?? "-")") == true)

        let ours = try log(here)
        let theirs = try log(there)
        XCTAssertEqual(ours.count, theirs.count)
        XCTAssertGreaterThan(ours.count, 5_000)
        for (index, (a, b)) in zip(ours, theirs).enumerated() where a != b {
            return XCTFail("event \(index + 1) differs:\n\(a)\n\(b)")
        }

        let again = try there.run("sample", "load")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("already loaded"), again.stdout)
        XCTAssertEqual(try there.eventCount(), ours.count)
    }

    /// Every event as stream, version, type, schema, payload and metadata (not recorded_at or hash).
    private func log(_ harness: CLIHarness) throws -> [String] {
        let connection = try harness.connection()
        defer { connection.close() }
        let rows = try connection.query(
            "SELECT position, stream, version, type, schema, data::text AS data, meta::text AS meta FROM events ORDER BY position")
        return try rows.rows.map { row in
            try [
                row.string("position"), row.string("stream"), row.string("version"), row.string("type"), row.string("schema"),
                row.string("data"), row.string("meta"),
            ].joined(separator: " | ")
        }
    }
}
