import Application
import Foundation
import XCTest

/// `attendee import` through the built binary: batches, links, rejected rows with their
/// lines, duplicates, re-runs and concurrent runs; event counts before and after.
final class ImportCLITests: XCTestCase {
    var cli: CLIHarness!
    var files: ImportFixture!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        files = try ImportFixture()
        try cli.openEdition()
    }

    override func tearDown() { files?.remove() }

    func testImportsInBatchesAndWritesPrivateLinks() throws {
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(2_100))
        let links = files.path("links.csv")
        let before = try cli.eventCount()
        let run = try cli.run("--json", "attendee", "import", path, "--links", links)
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try run.json()
        XCTAssertEqual(report["accepted"] as? Int, 2_100)
        XCTAssertEqual(report["skipped"] as? Int, 0)
        XCTAssertEqual((report["rejected"] as? [Any])?.count, 0)
        XCTAssertEqual(report["events"] as? Int, 4_200)
        let batch = AttendeeImport.defaultBatchSize
        XCTAssertGreaterThanOrEqual(batch, 1_000, "large batches, not a transaction per row")
        XCTAssertEqual(report["batches"] as? Int, (2_100 + batch - 1) / batch)
        XCTAssertEqual(report["position"] as? Int, before + 4_200)
        XCTAssertNotNil(report["events_per_second"] as? Int)
        XCTAssertEqual(try cli.eventCount(), before + 4_200)

        let attributes = try FileManager.default.attributesOfItem(atPath: links)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let lines = try String(contentsOfFile: links, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2_101)
        XCTAssertEqual(lines.first, "email,agenda_url")
        let first = lines[1].split(separator: ",")
        XCTAssertEqual(first[0], "person1@example.org")
        let token = try XCTUnwrap(first[1].components(separatedBy: "/agenda/").last)
        let connection = try cli.connection()
        defer { connection.close() }
        let stored = try connection.query(
            "SELECT data->>'token_hash' AS hash, data->>'name' AS name FROM events WHERE type = 'AttendeeRegistered' AND data->>'email' = $1",
            ["person1@example.org"])
        XCTAssertEqual(try stored.rows[0].string("hash"), AgendaToken.hash(token))
        XCTAssertEqual(try stored.rows[0].string("name"), "Person 1, Jr.")
    }

    func testHumanOutputWithoutLinksPointsToReissue() throws {
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(3))
        let run = try cli.run("attendee", "import", path)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("3 accepted, 0 skipped (already registered), 0 rejected; 6 events"), run.stdout)
        XCTAssertTrue(run.stdout.contains("attendee reissue-link"), run.stdout)
        XCTAssertEqual(run.stderr, "", "no progress line when stderr is not a terminal")
    }

    func testRejectedRowsAreListedByLineAndWriteNothing() throws {
        let text =
            ImportFixture.header + ImportFixture.rows(2)  // lines 2, 3
            + "Bad Mail,not-an-email,mayor,,\r\n"  // 4
            + "\"Two\nLines\",two@example.org,artist,,\r\n"  // 5-6: a line break in a name imports as a space
            + "King,king@example.org,king,,\r\n"  // 7
            + ",noname@example.org,artist,,\r\n"  // 8
            + "Short,short@example.org\r\n"  // 9
            + ImportFixture.rows(1, from: 3)  // 10
        let path = try files.file("mixed.csv", text)
        let before = try cli.eventCount()
        let run = try cli.run("attendee", "import", path)
        XCTAssertEqual(run.status, 1, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            Array(lines.prefix(4)),
            [
                "line 4: 'not-an-email' is not a valid email address",
                "line 7: 'king' is not a role",
                "line 8: name must not be empty",
                "line 9: 2 fields where the header has 5",
            ])
        XCTAssertTrue(lines[4].hasPrefix("Import into citylab-2026: 4 accepted, 0 skipped (already registered), 4 rejected"), lines[4])
        XCTAssertTrue(run.stderr.hasPrefix("error: 4 rows were rejected (listed above); the other rows are committed\nhint: "), run.stderr)
        XCTAssertEqual(try cli.eventCount(), before + 8)
        let connection = try cli.connection()
        defer { connection.close() }
        let written = try connection.query("SELECT string_agg(data::text, ' ') AS all FROM events").rows[0].string("all")
        for rejected in ["not-an-email", "king@example.org", "noname@example.org", "short@example.org"] {
            XCTAssertFalse(written.contains(rejected), "\(rejected) was written")
        }
        let two = try connection.query(
            "SELECT data->>'name' AS name FROM events WHERE type = 'AttendeeRegistered' AND data->>'email' = 'two@example.org'")
        XCTAssertEqual(try two.rows.map { try $0.string("name") }, ["Two Lines"])

        let json = try cli.run("--json", "attendee", "import", path)
        XCTAssertEqual(json.status, 1)
        let report = try json.json()
        XCTAssertEqual(report["skipped"] as? Int, 4)
        let rejected = try XCTUnwrap(report["rejected"] as? [[String: Any]])
        XCTAssertEqual(rejected.map { $0["line"] as? Int }, [4, 7, 8, 9])
        XCTAssertEqual(rejected.map { $0["rule"] as? String }, ["invalid-email", "invalid-role", "invalid-name", "malformed-row"])
        XCTAssertEqual(try cli.eventCount(), before + 8)
    }

    func testLineBreaksAndTabsInsideQuotedFieldsImportAsOneSpace() throws {
        let text =
            ImportFixture.header
            + "\"Ana María\r\nGómez\",ana@example.org,mayor,\"Secretaría de\nIntegración Social\",\"Bogotá\r\n  D.C.\"\r\n"
            + "\"Luis\tPérez \",luis@example.org,urbanist,\"Ciudad\r\rViva\",\"\nMedellín\n\"\r\n"  // a lone CR breaks a line too
            + "Bo,bo@example.org,artist,,\r\n"
        let run = try cli.run("--json", "attendee", "import", try files.file("multiline.csv", text))
        XCTAssertEqual(run.status, 0, run.stderr)
        let report = try run.json()
        XCTAssertEqual(report["accepted"] as? Int, 3)
        XCTAssertEqual((report["rejected"] as? [Any])?.count, 0)
        let connection = try cli.connection()
        defer { connection.close() }
        let stored = try connection.query(
            "SELECT data->>'name' AS name, coalesce(data->>'organization', '') AS organization, coalesce(data->>'city', '') AS city "
                + "FROM events "
                + "WHERE type = 'AttendeeRegistered' ORDER BY position")
        let rows = try stored.rows.map { [try $0.string("name"), try $0.string("organization"), try $0.string("city")] }
        XCTAssertEqual(rows.first, ["Ana María Gómez", "Secretaría de Integración Social", "Bogotá D.C."])
        XCTAssertEqual(rows.dropFirst().first, ["Luis Pérez", "Ciudad Viva", "Medellín"])
        XCTAssertEqual(rows.last, ["Bo", "", ""])
    }

    func testAFileWithOnlyTheHeaderSaysSoAndExits0() throws {
        let path = try files.file("header-only.csv", ImportFixture.header)
        let before = try cli.eventCount()
        let run = try cli.run("attendee", "import", path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "note: \(path) has no rows after the header: nothing to import.")
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("Import into citylab-2026: 0 accepted, 0 skipped") == true, run.stdout)
        XCTAssertEqual(try cli.eventCount(), before, "nothing written")
        let json = try cli.run("--json", "attendee", "import", path)
        XCTAssertEqual(json.status, 0, json.stderr)
        let report = try json.json()
        XCTAssertEqual(report["rows"] as? Int, 0)
        XCTAssertEqual(report["note"] as? String, "\(path) has no rows after the header: nothing to import")
        let full = try cli.run("--json", "attendee", "import", try files.file("one.csv", ImportFixture.header + ImportFixture.rows(1)))
        XCTAssertNil(try full.json()["note"], "only a header-only file carries the note")
    }

    func testDuplicateEmailsWithinTheFileRejectTheLaterLine() throws {
        let text =
            ImportFixture.header + "Ana,ana@example.org,mayor,,\n" + "Bo,bo@example.org,artist,,\n"
            + "Ana Again,ANA@Example.org ,funder,,\n"
        let run = try cli.run("--json", "attendee", "import", try files.file("dup.csv", text))
        XCTAssertEqual(run.status, 1)
        let report = try run.json()
        XCTAssertEqual(report["accepted"] as? Int, 2)
        let rejected = try XCTUnwrap(report["rejected"] as? [[String: Any]])
        XCTAssertEqual(rejected.count, 1)
        XCTAssertEqual(rejected[0]["line"] as? Int, 4)
        XCTAssertEqual(rejected[0]["rule"] as? String, "duplicate-in-file")
        XCTAssertEqual(rejected[0]["reason"] as? String, "ana@example.org is already on line 2 of this file")
    }

    func testRerunRegistersNobodyTwiceAndCountsSkips() throws {
        XCTAssertEqual(
            try cli.run("attendee", "register", "--name", "Early", "--email", "PERSON2@example.org", "--role", "mayor").status, 0)
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(5))
        let first = try cli.run("--json", "attendee", "import", path)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(try first.json()["accepted"] as? Int, 4)
        XCTAssertEqual(try first.json()["skipped"] as? Int, 1, "registered before the import")
        let after = try cli.eventCount()
        let again = try cli.run("--json", "attendee", "import", path)
        XCTAssertEqual(again.status, 0, again.stderr)
        let report = try again.json()
        XCTAssertEqual(report["accepted"] as? Int, 0)
        XCTAssertEqual(report["skipped"] as? Int, 5)
        XCTAssertEqual(report["events"] as? Int, 0)
        XCTAssertEqual(try cli.eventCount(), after)
    }

    func testConcurrentImportsOfOneFileRegisterEachEmailOnce() throws {
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(300))
        let runs = try (0..<4).map { _ in try cli.start(["--json", "attendee", "import", path]) }.map { try $0.wait() }
        for run in runs { XCTAssertEqual(run.status, 0, run.stderr) }
        XCTAssertEqual(try runs.map { try $0.json()["accepted"] as? Int ?? -1 }.reduce(0, +), 300)
        XCTAssertEqual(try runs.map { try $0.json()["skipped"] as? Int ?? -1 }.reduce(0, +), 900)
        XCTAssertEqual(try cli.eventCount(), 1 + 600)
        let connection = try cli.connection()
        defer { connection.close() }
        let claims = try connection.query("SELECT count(DISTINCT data->>'email') AS n FROM events WHERE type = 'EmailClaimed'")
        XCTAssertEqual(try claims.rows[0].int("n"), 300)
    }

    func testRepeatedCommandIDReportsTheFirstImport() throws {
        let path = try files.file("a.csv", ImportFixture.header + ImportFixture.rows(4))
        let first = try cli.run("--command-id", "import-1", "attendee", "import", path)
        XCTAssertEqual(first.status, 0, first.stderr)
        let after = try cli.eventCount()
        let again = try cli.run("--json", "--command-id", "import-1", "attendee", "import", path)
        XCTAssertEqual(again.status, 0, again.stderr)
        let report = try again.json()
        XCTAssertEqual(report["duplicate"] as? Bool, true)
        XCTAssertEqual(report["accepted"] as? Int, 4)
        XCTAssertEqual(try cli.eventCount(), after)
        let connection = try cli.connection()
        defer { connection.close() }
        let recorded = try connection.query("SELECT count(*) AS n FROM events WHERE meta->>'command_id' = 'import-1'")
        XCTAssertEqual(try recorded.rows[0].int("n"), 8)
    }
}
