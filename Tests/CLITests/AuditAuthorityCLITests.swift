import Events
import Foundation
import XCTest

/// `audit verify` replays the staff events and names every event appended by a login that did
/// not hold, at its position, a role allowed to write it: a superuser's direct insert with a
/// made-up login or none, a role granted outside citylab. Events written before logins were
/// recorded are counted, not failures. Each test writes its log from position 1 with plain SQL,
/// as a superuser could, so the logins in it are the test's own.
final class AuditAuthorityCLITests: XCTestCase {
    var cli: CLIHarness!

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        let connection = try cli.connection()
        defer { connection.close() }
        try AuditLogForgery.reset(connection)
    }

    func testLegacyEventsAreUnauthenticatedThenEveryLoginNeedsItsRole() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        for index in 1...3 { try AuditLogForgery.append(connection, .opening(opening(index)), created(index), login: nil) }
        let ana = StaffLogin(unchecked: "ana")
        try AuditLogForgery.append(connection, .staff(ana), StaffAdded(login: ana, roles: StaffRole.allCases), login: "ana")
        try AuditLogForgery.append(connection, .opening(opening(4)), created(4), login: "ana")
        let bo = StaffLogin(unchecked: "bo")
        try AuditLogForgery.append(connection, .staff(bo), StaffAdded(login: bo, roles: [.desk]), login: "ana")

        // The harness connects as a superuser that no staff event names: shown, not a failure.
        let superuser = try connection.query("SELECT session_user::text AS login").rows[0].string("login")
        try AuditLogForgery.append(connection, .opening(opening(10)), created(10), login: superuser)
        let honest = try cli.run("audit", "verify", "--skip-read-models")
        XCTAssertEqual(honest.status, 0, honest.stderr)
        XCTAssertTrue(honest.stdout.contains("3 unauthenticated (written before logins were recorded)"), honest.stdout)
        XCTAssertTrue(honest.stdout.contains("except those by database superusers no staff event names (\(superuser): 1)"), honest.stdout)
        let json = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual((try json.json()["authority"] as? [String: Any])?["unauthenticated"] as? Int, 3, json.stdout)

        // bo was made a placements member in PostgreSQL directly: the log never heard of it.
        let byBo = try AuditLogForgery.append(connection, .opening(opening(5)), created(5), login: "bo")
        let noLogin = try AuditLogForgery.append(connection, .opening(opening(6)), created(6), login: nil)
        let mallory = try AuditLogForgery.append(connection, .opening(opening(7)), created(7), login: "mallory")
        let forgedGrant = try AuditLogForgery.append(connection, .staff(bo), StaffRoleGranted(login: bo, role: .placements), login: "bo")
        let stillBo = try AuditLogForgery.append(connection, .opening(opening(8)), created(8), login: "bo")
        let verify = try cli.run("audit", "verify", "--skip-read-models")
        XCTAssertEqual(verify.status, 1, verify.stdout)
        for expected in [
            "authority: position \(byBo): OpeningCreated by bo: bo held only desk (needs placements)",
            "authority: position \(noLogin): OpeningCreated by no login: no login recorded, although every event since position 4 has one",
            "authority: position \(mallory): OpeningCreated by mallory: mallory held no role (needs placements)",
            "authority: position \(forgedGrant): StaffRoleGranted by bo: bo held only desk (needs admin)",
            "authority: position \(stillBo): OpeningCreated by bo",
        ] {
            XCTAssertTrue(verify.stderr.contains(expected), "missing '\(expected)' in \(verify.stderr)")
        }
        let failed = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual(try failed.json()["position"] as? Int, Int(byBo), failed.stdout)
        let findings = try XCTUnwrap((try failed.json()["authority"] as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["login"] as? String }, ["bo", nil, "mallory", "bo", "bo"])
    }

    /// A superuser inserts a row in the middle of the log, past the triggers, and recomputes every
    /// later hash: the chain alone holds, the authority replay names the row, and a head kept
    /// earlier no longer matches.
    func testASuperusersDirectInsertIsNamedByAuthorityAndByAKeptHead() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let ana = StaffLogin(unchecked: "ana")
        try AuditLogForgery.append(connection, .staff(ana), StaffAdded(login: ana, roles: StaffRole.allCases), login: "ana")
        for index in 1...4 { try AuditLogForgery.append(connection, .opening(opening(index)), created(index), login: "ana") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("heads-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let kept = try cli.run("audit", "head", "--to", file)
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertEqual(try cli.run("audit", "verify", "--skip-read-models", "--head-file", file).status, 0)

        try AuditLogForgery.insert(connection, at: 3, .opening(opening(9)), created(9), login: "mallory")
        let verify = try cli.run("audit", "verify", "--skip-read-models")
        XCTAssertEqual(verify.status, 1, verify.stdout)
        XCTAssertTrue(verify.stderr.contains("authority: position 3: OpeningCreated by mallory"), verify.stderr)
        let proof = try cli.run("audit", "verify", "--skip-read-models", "--head-file", file)
        XCTAssertEqual(proof.status, 1, proof.stdout)
        XCTAssertTrue(proof.stderr.contains("the kept head does not match this log: the event at position"), proof.stderr)
        XCTAssertTrue(proof.stderr.contains("authority: position 3"), proof.stderr)
        let line = kept.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(try cli.run("audit", "verify", "--skip-read-models", "--head", line).status, 1, "a line of the file works as --head")
    }

    func testHeadToAppendsAndNeverTruncates() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("heads-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data("kept by the board, 2026\nno newline".utf8).write(to: URL(fileURLWithPath: file))
        let first = try cli.run("audit", "head", "--to", file)
        XCTAssertEqual(first.status, 0, first.stderr)
        try AuditLogForgery.append(connection, .opening(opening(1)), created(1), login: nil)
        let second = try cli.run("--json", "audit", "head", "--to", file)
        XCTAssertEqual(second.status, 0, second.stderr)
        let head = try XCTUnwrap(try second.json()["head"] as? String)
        XCTAssertTrue(head.hasPrefix("1:"), head)
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 5, "\(lines)")
        XCTAssertEqual(Array(lines[0...1]), ["kept by the board, 2026", "no newline"])
        XCTAssertEqual(String(lines[2]), first.stdout.trimmingCharacters(in: .newlines))
        XCTAssertTrue(lines[2].hasPrefix("0:" + String(repeating: "0", count: 64) + " "), String(lines[2]))
        XCTAssertNotNil(ISO8601DateFormatter().date(from: String(lines[3].split(separator: " ")[1])), String(lines[3]))
        XCTAssertTrue(lines[3].hasPrefix(head + " "), String(lines[3]))
        XCTAssertEqual(lines[4], "")
        let missing = try cli.run("audit", "head", "--to", "/nonexistent-dir/heads.txt")
        XCTAssertEqual(missing.status, 2, missing.stdout)
    }

    /// `audit placements` says who did each step: the login, and whom they acted for when that differs.
    func testPlacementsShowTheLoginOnBehalfOfTheActor() throws {
        let connection = try cli.connection()
        defer { connection.close() }
        let (placement, scholar) = (PlacementID(unchecked: "plc_9"), ScholarID(unchecked: "sch_9"))
        try AuditLogForgery.append(connection, .opening(opening(1)), created(1), login: nil, actor: "maria")
        try AuditLogForgery.append(
            connection, .placement(placement),
            PlacementProposed(placement: placement, scholar: scholar, opening: opening(1), cohort: 2027, note: nil), login: nil,
            actor: "maria")
        try AuditLogForgery.append(
            connection, .placement(placement), PlacementApproved(placement: placement, scholar: scholar, opening: opening(1)),
            login: "ana", actor: "maria")
        try AuditLogForgery.append(
            connection, .placement(placement),
            PlacementWithdrawn(placement: placement, scholar: scholar, opening: opening(1), reason: "moved", by: "staff", from: "approved"),
            login: "ana", actor: "ana")
        let text = try cli.run("audit", "placements")
        XCTAssertEqual(text.status, 0, text.stderr)
        for expected in ["unauthenticated (on behalf of maria)  ", "by ana (on behalf of maria)  ", "by ana  "] {
            XCTAssertTrue(text.stdout.contains(expected), "'\(expected)' in \(text.stdout)")
        }
        let json = try cli.run("audit", "placements", "--format", "json")
        let history = try XCTUnwrap(((try json.json()["placements"] as? [[String: Any]])?.first)?["history"] as? [[String: Any]])
        XCTAssertEqual(history.map { $0["login"] as? String }, [nil, "ana", "ana"])
        XCTAssertEqual(history.map { $0["actor"] as? String }, ["maria", "maria", "ana"])
        XCTAssertEqual(
            history.map { $0["by"] as? String }, ["unauthenticated (on behalf of maria)", "by ana (on behalf of maria)", "by ana"])
        let csv = try cli.run("audit", "placements", "--format", "csv")
        XCTAssertTrue(csv.stdout.contains(",by ana (on behalf of maria),ana,maria,"), csv.stdout)
        XCTAssertTrue(csv.stdout.contains(",unauthenticated (on behalf of maria),,maria,"), csv.stdout)
    }

    private func opening(_ index: Int) -> OpeningID { OpeningID(unchecked: "opn_\(index)") }

    private func created(_ index: Int) -> OpeningCreated {
        OpeningCreated(
            opening: opening(index), city: "Reykjavík", country: "Iceland", host: "Reykjavíkurborg", project: "Project \(index)",
            starts: "2027-06-15", ends: "2027-08-14", seats: 1, cohort: 2027)
    }
}
