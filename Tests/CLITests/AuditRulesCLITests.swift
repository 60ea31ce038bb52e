import Events
import Foundation
import Postgres
import XCTest

/// `audit verify` replays the business rules, not only the state: well-formed events appended
/// through the append function itself, with no decision behind them, are named with their
/// position; an honest log passes.
final class AuditRulesCLITests: XCTestCase {
    func testAForgedConfirmationIntoAFullOpeningIsNamed() throws {
        let cli = try CLIHarness.fresh()
        _ = try PlacementScenario.run(cli)  // opn_bogota's one seat is taken by plc_1
        try Self.approveAda(cli)
        let refused = try cli.run("placement", "confirm", "plc_ada")
        XCTAssertEqual(refused.status, 1, "the command refuses: the opening is full")
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)

        let connection = try cli.connection()
        defer { connection.close() }
        let forged = try AuditLogForgery.appendThroughTheStore(connection, Self.confirmAda())
        let verify = try cli.run("audit", "verify")
        XCTAssertEqual(verify.status, 1, verify.stdout)
        XCTAssertTrue(
            verify.stderr.contains("rules: position \(forged): PlacementConfirmed by"), verify.stderr)
        XCTAssertTrue(verify.stderr.contains("opening opn_bogota was full (1 of 1 seats taken by other placements)"), verify.stderr)
        XCTAssertTrue(verify.stderr.contains("rules: position \(forged + 1): OpeningSeatTaken"), verify.stderr)
        XCTAssertFalse(verify.stderr.contains("projections rebuild"), "never advise destroying evidence: \(verify.stderr)")

        let json = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(try json.json()["position"] as? Int, Int(forged), json.stdout)
        let findings = try XCTUnwrap((try json.json()["rules"] as? [String: Any])?["findings"] as? [[String: Any]], json.stdout)
        XCTAssertEqual(findings.map { $0["type"] as? String }, ["PlacementConfirmed", "OpeningSeatTaken"])
    }

    /// The case: a login that holds placements appends a well-formed confirmation into a
    /// full opening through the append function itself. Its authority holds; the rules do not.
    func testAForgedConfirmationByAPlacementsLoginIsNamedByTheRulesAlone() throws {
        let cli = try CLIHarness.fresh()
        let staff = StaffFixture(cli: cli)
        guard try staff.appendChecksRoles() else {
            throw XCTSkip("logins are recorded once the append path checks roles (migration 5)")
        }
        _ = try PlacementScenario.run(cli)
        try Self.approveAda(cli)
        let login = staff.login(self, "placer")
        let added = try cli.run("staff", "add", login, "--role", "placements")
        XCTAssertEqual(added.status, 0, added.stderr)
        let connection = try Connection(try staff.url(as: login))
        defer { connection.close() }
        let forged = try AuditLogForgery.appendThroughTheStore(connection, Self.confirmAda())
        let verify = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual(verify.status, 1, verify.stdout)
        let answer = try verify.json()
        let rules = try XCTUnwrap((answer["rules"] as? [String: Any])?["findings"] as? [[String: Any]], verify.stdout)
        XCTAssertEqual(rules.first?["position"] as? Int, Int(forged))
        XCTAssertEqual(rules.first?["login"] as? String, login, "the login the database authenticated")
        let authority = try XCTUnwrap((answer["authority"] as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertEqual(authority.count, 0, "placements may append confirmations: \(authority)")
    }

    func testASeatTakenBeyondCapacityIsNamed() throws {
        let cli = try CLIHarness.fresh()
        try cli.openEdition()
        for arguments in [
            ["attendee", "register", "--id", "att_ana", "--name", "Ana Gómez", "--email", "ana@example.org", "--role", "mayor"],
            ["attendee", "register", "--id", "att_luis", "--name", "Luis Pérez", "--email", "luis@example.org", "--role", "urbanist"],
            [
                "session", "schedule", "--id", "ses_walk", "--title", "Care Blocks walk", "--room", "Bosa", "--starts", "2026-10-15T07:00",
                "--ends", "2026-10-15T08:00", "--capacity", "1",
            ],
            ["agenda", "add", "att_luis", "ses_walk"],
        ] {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        }
        XCTAssertEqual(try cli.run("audit", "verify").status, 0)
        let connection = try cli.connection()
        defer { connection.close() }
        let (ana, walk) = (AttendeeID(unchecked: "att_ana"), SessionID(unchecked: "ses_walk"))
        let starts = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-10-15T12:00:00Z"))
        let forged = try AuditLogForgery.appendThroughTheStore(
            connection,
            [
                PendingEvent(.session(walk), SeatTaken(session: walk, attendee: ana)),
                PendingEvent(.attendee(ana), SeatHeld(attendee: ana, session: walk, starts: starts, ends: starts.addingTimeInterval(3600))),
            ])
        let verify = try cli.run("audit", "verify", "--skip-read-models")
        XCTAssertEqual(verify.status, 1, verify.stdout)
        XCTAssertTrue(
            verify.stderr.contains("rules: position \(forged): SeatTaken by"), verify.stderr)
        XCTAssertTrue(verify.stderr.contains("session ses_walk was full (1 of 1 seats taken): over capacity"), verify.stderr)
    }

    /// The whole CityLab sample, written by the real deciders: every rule holds at every position.
    func testTheHonestSampleLogPasses() throws {
        let cli = try SampleTemplate.harness()
        let verify = try cli.run("audit", "verify", "--skip-read-models")
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.contains("Rules: replayed at every position"), verify.stdout)
        let json = try cli.run("--json", "audit", "verify", "--skip-read-models")
        XCTAssertEqual(json.status, 0, json.stderr)
        let rules = try XCTUnwrap(try json.json()["rules"] as? [String: Any])
        XCTAssertEqual((rules["findings"] as? [Any])?.count, 0)
    }

    /// Ada is admitted, trained, proposed for opn_bogota and approved; confirming is refused (it is full).
    static func approveAda(_ cli: CLIHarness) throws {
        for arguments in [
            [
                "scholar", "admit", "--id", "sch_ada", "--name", "Ada Byron", "--email", "ada@example.edu", "--university", "UCL",
                "--cohort", "2026",
            ],
            ["scholar", "complete-training", "sch_ada"], ["placement", "propose", "sch_ada", "opn_bogota", "--id", "plc_ada"],
            ["placement", "approve", "plc_ada"],
        ] {
            let run = try cli.run(arguments: arguments)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run.stderr)")
        }
    }

    /// What a confirmation of Ada's placement appends, well formed, claiming a free seat.
    static func confirmAda() -> [PendingEvent] {
        let (placement, scholar, opening) = (
            PlacementID(unchecked: "plc_ada"), ScholarID(unchecked: "sch_ada"), OpeningID(unchecked: "opn_bogota")
        )
        return [
            PendingEvent(
                .placement(placement),
                PlacementConfirmed(
                    placement: placement, scholar: scholar, opening: opening, trainingCompletedAt: "2026-05-01T12:00:00Z",
                    seatsTakenBefore: 0, seats: 1)),
            PendingEvent(.opening(opening), OpeningSeatTaken(opening: opening, placement: placement, scholar: scholar)),
        ]
    }
}
