import Foundation
import Postgres
import TestSupport
import XCTest

/// A database one migration behind this build is refused with exit 4 and the fix, until
/// `citylab db migrate` brings it up to date.
final class SchemaVersionCLITests: XCTestCase {
    func testAnOlderSchemaAsksForDbMigrate() throws {
        let cli = try CLIHarness.fresh()
        try cli.openEdition()
        let connection = try cli.connection()
        defer { connection.close() }
        let latest = try connection.query("SELECT max(version) AS v FROM citylab_migrations").rows[0].int("v")
        try connection.execute("DELETE FROM citylab_migrations WHERE version = $1", [latest])

        for arguments in [["attendee", "list"], ["projections", "status"], ["--json", "placement", "list"]] {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, 4, "\(arguments): \(run.stdout)\(run.stderr)")
            let said = run.stderr + run.stdout
            XCTAssertTrue(said.contains("run 'citylab db migrate'"), "\(arguments): \(said)")
            XCTAssertTrue(said.contains("missing: \(latest)"), "\(arguments): \(said)")
        }

        let migrate = try cli.run("db", "migrate")
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertEqual(try cli.run("attendee", "list").status, 0)
    }
}
