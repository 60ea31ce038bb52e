import Domain
import EventStore
import Events
import Foundation
import Synchronization
import TestSupport
import XCTest

/// Grant and revoke racing with appends, real processes on a real server: no event is written
/// by a login at a position where, replaying the staff events before it, the login held no
/// role allowed to write its type.
final class StaffRaceCLITests: XCTestCase {
    func testGrantAndRevokeRacingWithAppends() throws {
        let cli = try CLIHarness.fresh()
        let staff = StaffFixture(cli: cli)
        try XCTSkipUnless(try staff.appendChecksRoles(), "the append path does not check roles yet")
        try cli.openEdition()
        let login = staff.login(self, "racer")
        XCTAssertEqual(try cli.run("staff", "add", login, "--role", "organizer").status, 0)
        var appender = cli
        appender.environment["CITYLAB_DATABASE_URL"] = try staff.url(as: login)

        let toggled = Mutex<[Int32]?>(nil)
        let toggler = Thread {
            var statuses: [Int32] = []
            for _ in 0..<8 {
                for verb in ["revoke", "grant"] {
                    statuses.append((try? cli.run("staff", verb, login, "organizer"))?.status ?? -1)
                }
            }
            toggled.withLock { $0 = statuses }
        }
        toggler.start()
        var appends: [Int32] = []
        let deadline = ContinuousClock.now + .seconds(300)
        while toggled.withLock({ $0 == nil }), ContinuousClock.now < deadline {
            let n = appends.count
            let run = try appender.run(
                "attendee", "register", "--name", "Racer \(n)", "--email", "racer\(n)@example.org", "--role", "urbanist")
            XCTAssertTrue([0, 5].contains(run.status), "append \(n) exit \(run.status): \(run.stderr)")
            appends.append(run.status)
        }
        try poll(timeout: .seconds(120), "the toggling process to finish") { toggled.withLock { $0 != nil } }
        XCTAssertEqual(toggled.withLock { $0 } ?? [], Array(repeating: 0, count: 16), "every revoke and grant commits")
        XCTAssertTrue(appends.contains(0), "some appends got through: \(appends)")

        let connection = try cli.connection()
        defer { connection.close() }
        let log = try EventStore(connection).read(after: 0, limit: 100_000)
        var roles: Set<StaffRole> = []
        var byLogin = 0
        for recorded in log {
            let event = try recorded.decoded()
            if recorded.stream == .staff(try XCTUnwrap(StaffLogin(login))) {
                let state = StaffMember.evolve(StaffMember.State(exists: true, canLogIn: true, roles: roles), event)
                roles = state.roles
                continue
            }
            guard try recorded.metadata().login?.rawValue == login else { continue }
            byLogin += 1
            XCTAssertFalse(
                roles.isDisjoint(with: EventAuthority.roles(for: recorded.type)),
                "\(recorded.type) at \(recorded.position) by \(login), who then held \(roles.map(\.rawValue))")
        }
        XCTAssertEqual(byLogin, 2 * appends.filter { $0 == 0 }.count, "each registration that succeeded wrote two events by the login")
    }

    /// The race made certain: an append by the login starts while a revoke holds the log's
    /// head, uncommitted; once the revoke commits, the append must be refused (exit 5), not
    /// written after it on the strength of a check made before it.
    func testAnAppendWaitingBehindARevokeIsRefused() throws {
        let cli = try CLIHarness.fresh()
        let staff = StaffFixture(cli: cli)
        try XCTSkipUnless(try staff.appendChecksRoles(), "the append path does not check roles yet")
        try cli.openEdition()
        let login = staff.login(self, "racer")
        XCTAssertEqual(try cli.run("staff", "add", login, "--role", "organizer").status, 0)
        var appender = cli
        appender.environment["CITYLAB_DATABASE_URL"] = try staff.url(as: login)
        let typed = try XCTUnwrap(StaffLogin(login))

        let connection = try cli.connection()
        defer { connection.close() }
        var started: CLIHarness.Started?
        try connection.transaction {
            let revoke = AppendBatch(
                commandID: nil, expectations: [.staff(typed): 1],
                events: [PendingEvent(.staff(typed), StaffRoleRevoked(login: typed, role: .organizer))],
                metadata: EventMetadata(actor: "test", commandID: "cmd_revoke", command: "staff revoke"))
            _ = try EventStore(connection).append(revoke)
            started = try appender.start(["attendee", "register", "--name", "Late", "--email", "late@example.org", "--role", "urbanist"])
            let watcher = try cli.connection()
            defer { watcher.close() }
            try poll(timeout: .seconds(120), "the login's append to wait for the head") {
                try !watcher.query(
                    "SELECT 1 FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock'", [login]
                ).rows.isEmpty
            }
        }
        let run = try XCTUnwrap(started).wait()
        XCTAssertEqual(run.status, 5, "an append behind the revoke: \(run.stdout)\(run.stderr)")
        let written = try connection.query("SELECT count(*) AS n FROM events WHERE meta->>'login' = $1", [login]).rows[0].int("n")
        XCTAssertEqual(written, 0, "nothing written by \(login) after its role was revoked")
    }
}
