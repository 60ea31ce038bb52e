import Application
import Foundation
import Postgres
import TestSupport
import XCTest

/// With no database URL, `citylab` uses the embedded cluster as the OS user's own login: created
/// by `db start` (or any command's automatic start), the first admin, and no superuser.
final class EmbeddedLoginCLITests: XCTestCase {
    private var home: URL!
    private var osUser: String?

    override func setUpWithError() throws {
        try super.setUpWithError()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-login-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        home = scratch.appendingPathComponent("home")
    }

    override func tearDownWithError() throws {
        if let osUser {
            _ = try? ChildProcess.spawn("/usr/sbin/userdel", [osUser], environment: [:]).wait(timeout: .seconds(30))
        }
        if let home {
            try? EmbeddedCluster(home: home, durable: false).stop()
            try? FileManager.default.removeItem(at: home.deletingLastPathComponent())
        }
        try super.tearDownWithError()
    }

    func testTheOSUserIsTheFirstAdminAndNoSuperuser() throws {
        var cli = CLIHarness(databaseURL: "")
        cli.environment = ["CITYLAB_DATABASE_URL": "", "CITYLAB_HOME": home.path, "CITYLAB_DURABLE": "0"]
        let started = try cli.run("--json", "db", "start")
        XCTAssertEqual(started.status, 0, started.stderr)
        let status = try started.json()
        let login = OSUser.currentName
        XCTAssertEqual(status["login"] as? String, login)
        XCTAssertTrue((status["url"] as? String)?.hasPrefix("postgresql://\(login)@/citylab?") == true, "\(status)")
        let superuserURL = try XCTUnwrap(status["superuser_url"] as? String, "the owner is told the superuser's URL")
        XCTAssertTrue(superuserURL.hasPrefix("postgresql://citylab_superuser@/"), superuserURL)

        let superuser = try Connection(superuserURL)
        defer { superuser.close() }
        let role = try XCTUnwrap(
            try superuser.query(
                "SELECT rolsuper::text AS super, rolcreaterole::text AS createrole, rolcanlogin::text AS login FROM pg_roles WHERE rolname = $1",
                [login]
            ).rows.first, "db start made no login \(login)")
        XCTAssertEqual(role["super"], "false")
        XCTAssertEqual(role["createrole"], "false")
        XCTAssertEqual(role["login"], "true")
        let admin = try superuser.query("SELECT pg_has_role($1, 'citylab_admin', 'MEMBER')::text AS member", [login]).rows.first
        XCTAssertEqual(admin?["member"], "true", "the OS user who started the cluster is its first admin")

        // Commands run as that login, and a write succeeds.
        let opened = try cli.run(
            "conference", "open", "--id", "citylab-2026", "--name", "CityLab 2026", "--city", "Bogotá", "--timezone", "America/Bogota",
            "--starts", "2026-10-14", "--ends", "2026-10-16")
        XCTAssertEqual(opened.status, 0, opened.stderr)
        let events = try Connection(
            try XCTUnwrap(status["url"] as? String).replacingOccurrences(of: "\(login)@", with: "citylab_superuser@"))
        defer { events.close() }
        let logins = try events.query("SELECT type || ' by ' || (meta->>'login') AS line FROM events ORDER BY position").rows.map {
            $0["line"] ?? "-"
        }
        XCTAssertEqual(
            logins, ["StaffAdded by citylab_superuser", "ConferenceOpened by \(login)"],
            "the cluster's tooling made the first admin; the command ran as the login")
    }

    /// Another OS user gets nothing until an admin makes them staff; then they use the same
    /// cluster as themselves, with exactly the roles given.
    func testAnotherOSUserUsesTheClusterAsThemselvesOnceAdded() throws {
        try XCTSkipUnless(geteuid() == 0, "making a throwaway OS user needs root (CI runs as root)")
        var cli = CLIHarness(databaseURL: "")
        cli.environment = ["CITYLAB_DATABASE_URL": "", "CITYLAB_HOME": home.path, "CITYLAB_DURABLE": "0"]
        XCTAssertEqual(try cli.run("db", "start").status, 0)
        let name = "clstaff\(UInt32.random(in: 0...UInt32.max) % 1_000_000)"
        let added = try ChildProcess.spawn(
            "/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", name], environment: [:]
        ).wait(timeout: .seconds(30))
        XCTAssertEqual(added.status, 0, added.stderr)
        osUser = name
        func asThem(_ arguments: String...) throws -> ChildProcess.Exit {
            try ChildProcess.spawn(
                "/usr/sbin/runuser", ["-u", name, "--", CLIHarness.binary.path] + arguments,
                environment: ["CITYLAB_HOME": home.path, "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"]
            ).wait(timeout: .seconds(120))
        }

        let before = try asThem("attendee", "list")
        XCTAssertEqual(before.status, 4, before.stderr)
        XCTAssertTrue(before.stderr.contains("citylab staff add \(name)"), before.stderr)
        let staff = try cli.run("staff", "add", name, "--role", "auditor")
        XCTAssertEqual(staff.status, 0, staff.stderr)
        defer { _ = try? cli.run("staff", "disable", name) }

        let status = try asThem("--json", "db", "status")
        XCTAssertEqual(status.status, 0, status.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["login"] as? String, name)
        XCTAssertNil(object["superuser_url"], "only the owner and root are told the superuser's URL")
        let reads = try asThem("attendee", "list")
        XCTAssertEqual(reads.status, 0, reads.stderr)
        let writes = try asThem(
            "conference", "open", "--id", "citylab-2027", "--name", "CityLab 2027", "--city", "Bogotá", "--timezone", "America/Bogota",
            "--starts", "2027-10-14", "--ends", "2027-10-16")
        XCTAssertEqual(writes.status, 5, "an auditor writes nothing: \(writes.stderr)")
    }
}
