import Application
import Foundation
import Postgres
import TestSupport
import XCTest

/// With no database URL, `citylab` uses the embedded cluster as the OS user's own login: created
/// by `db start` (or any command's automatic start), the first admin, and no superuser.
final class EmbeddedLoginCLITests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-login-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        home = scratch.appendingPathComponent("home")
    }

    override func tearDownWithError() throws {
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
    }
}
