import Application
import Foundation
import Postgres
import TestSupport
import XCTest

/// The embedded cluster is closed: no `trust`, each OS user gets in only as the login of the same
/// name (peer), and that login has no superuser powers. Needs root to make a throwaway OS user.
final class EmbeddedClusterAuthenticationTests: XCTestCase {
    private var scratch: URL!
    private var cluster: EmbeddedCluster!
    private var osUser: String?

    override func setUpWithError() throws {
        try super.setUpWithError()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-auth-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        cluster = EmbeddedCluster(home: scratch.appendingPathComponent("home"), durable: false)
    }

    override func tearDownWithError() throws {
        if let osUser {
            _ = try? ChildProcess.spawn("/usr/sbin/userdel", [osUser], environment: [:]).wait(timeout: .seconds(30))
        }
        try? cluster?.stop()
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
        try super.tearDownWithError()
    }

    func testAnotherOSUserGetsInOnlyAsThemselvesAndWithoutSuperuserPowers() throws {
        try XCTSkipUnless(geteuid() == 0, "making a throwaway OS user needs root (CI runs as root)")
        try cluster.start()
        let name = "clprobe\(UInt32.random(in: 0...UInt32.max) % 1_000_000)"
        let added = try ChildProcess.spawn(
            "/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", name], environment: [:]
        ).wait(timeout: .seconds(30))
        XCTAssertEqual(added.status, 0, added.stderr)
        osUser = name
        try superuser { try $0.simpleQuery("CREATE ROLE root LOGIN") }
        defer { try? superuser { try $0.simpleQuery("DROP ROLE IF EXISTS root") } }

        let asSuperuser = try psql(as: name, login: cluster.superuser, "SELECT 1")
        XCTAssertNotEqual(asSuperuser.status, 0, "\(name) got in as the bootstrap superuser")
        XCTAssertTrue(asSuperuser.stderr.contains("Peer authentication failed"), asSuperuser.stderr)
        let asRoot = try psql(as: name, login: "root", "SELECT 1")
        XCTAssertNotEqual(asRoot.status, 0, "\(name) got in as root's login")
        XCTAssertTrue(asRoot.stderr.contains("Peer authentication failed"), asRoot.stderr)
        let withoutRole = try psql(as: name, login: name, "SELECT 1")
        XCTAssertNotEqual(withoutRole.status, 0, "\(name) got in without a login role")

        try superuser { try $0.simpleQuery("CREATE ROLE \(try SQLIdentifier.quote(name)) LOGIN") }
        defer { try? superuser { try $0.simpleQuery("DROP ROLE IF EXISTS \(try SQLIdentifier.quote(name))") } }
        let asThemselves = try psql(as: name, login: name, "SELECT session_user")
        XCTAssertEqual(asThemselves.status, 0, asThemselves.stderr)
        XCTAssertEqual(asThemselves.stdout.trimmingCharacters(in: .whitespacesAndNewlines), name)

        let marker = scratch.appendingPathComponent("shell-was-here")
        let shell = try psql(as: name, login: name, "COPY (SELECT 1) TO PROGRAM 'touch \(marker.path)'")
        XCTAssertNotEqual(shell.status, 0, "COPY … TO PROGRAM ran")
        XCTAssertTrue(shell.stderr.contains("pg_execute_server_program"), shell.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path))
        let promote = try psql(as: name, login: name, "ALTER ROLE \(try SQLIdentifier.quote(name)) SUPERUSER")
        XCTAssertNotEqual(promote.status, 0, "a login made itself superuser")
        XCTAssertTrue(promote.stderr.contains("must be superuser"), promote.stderr)
        let isSuperuser = try superuser { connection in
            try connection.query("SELECT rolsuper::text AS s FROM pg_roles WHERE rolname = $1", [name]).first?["s"]
        }
        XCTAssertEqual(isSuperuser, "false")
    }

    func testStartClosesAClusterThatTrustedEveryone() throws {
        try cluster.start()
        let hba = cluster.status().dataDirectory.appendingPathComponent("pg_hba.conf")
        XCTAssertFalse(try String(contentsOf: hba, encoding: .utf8).contains("trust"))
        // As an older citylab left it, while the server runs: rewritten and reloaded.
        try Data("local all all trust\n".utf8).write(to: hba)
        try cluster.start()
        var text = try String(contentsOf: hba, encoding: .utf8)
        XCTAssertFalse(text.contains("trust"), text)
        XCTAssertTrue(text.contains("peer map=citylab"), text)
        // And while it is down.
        try cluster.stop()
        try Data("local all all trust\nhost all all all trust\n".utf8).write(to: hba)
        try cluster.start()
        text = try String(contentsOf: hba, encoding: .utf8)
        XCTAssertFalse(text.contains("trust"), text)
        XCTAssertEqual(try superuser { try $0.query("SELECT current_user AS u").first?["u"] }, EmbeddedCluster.superuserName)
        try XCTSkipUnless(geteuid() == 0, "proving that another OS user is kept out needs root")
        let outsider = try psql(as: "nobody", login: cluster.superuser, "SELECT 1")
        XCTAssertNotEqual(outsider.status, 0, "nobody got in as the superuser after the trust line")
    }

    /// A cluster initialized by an older citylab (`initdb -U citylab --auth=trust`) keeps its
    /// superuser's name, and loses `trust` on the next start.
    func testAClusterMadeByAnOlderCitylabIsClosedAndKeepsItsSuperuser() throws {
        let data = cluster.status().dataDirectory
        try FileManager.default.createDirectory(at: cluster.home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let initdb = try EmbeddedCluster.findServerBinaries().appendingPathComponent("initdb").path
        var command = [initdb, "-D", data.path, "-U", "citylab", "--auth=trust", "-E", "UTF8", "--no-sync", "--locale=C"]
        if geteuid() == 0 {
            _ = chown(data.path, try XCTUnwrap(getpwnam("postgres")).pointee.pw_uid, 0)
            command = ["/usr/sbin/runuser", "-u", "postgres", "--"] + command
        }
        let made = try ChildProcess.spawn(command[0], Array(command.dropFirst()), environment: ["LC_ALL": "C"]).wait(timeout: .seconds(120))
        XCTAssertEqual(made.status, 0, made.stderr)
        let config = try FileHandle(forWritingTo: data.appendingPathComponent("postgresql.conf"))
        try config.seekToEnd()
        try config.write(contentsOf: Data("\ninclude_if_exists = 'citylab.conf'\n".utf8))
        try config.close()

        try cluster.start()
        XCTAssertEqual(cluster.superuser, "citylab")
        let hba = try String(contentsOf: data.appendingPathComponent("pg_hba.conf"), encoding: .utf8)
        XCTAssertFalse(hba.contains("trust"), hba)
        XCTAssertEqual(try superuser { try $0.query("SELECT current_user AS u").first?["u"] }, "citylab")
        try XCTSkipUnless(geteuid() == 0, "proving that another OS user is kept out needs root")
        let outsider = try psql(as: "nobody", login: "citylab", "SELECT 1")
        XCTAssertNotEqual(outsider.status, 0, "nobody got in as the old superuser")
    }

    /// Members of `citylab_password_login` log in on the socket by password (scram), not by peer.
    func testAPasswordLoginNeedsItsPassword() throws {
        try cluster.start()
        let name = "pwlogin\(UInt32.random(in: 0...UInt32.max) % 1_000_000)"
        try superuser { try $0.simpleQuery("CREATE ROLE \(name) LOGIN PASSWORD 'right-one' IN ROLE citylab_password_login") }
        defer { try? superuser { try $0.simpleQuery("DROP ROLE IF EXISTS \(name)") } }
        let url = cluster.superuserURL(database: "postgres")
        let login = try Connection(TestCluster.url(url, user: name, password: "right-one"))
        XCTAssertEqual(try login.query("SELECT session_user AS u").first?["u"], name)
        login.close()
        XCTAssertThrowsError(try Connection(TestCluster.url(url, user: name, password: "wrong-one"))) { error in
            XCTAssertTrue("\(error)".contains("password authentication failed"), "\(error)")
        }
        let hashed = try superuser {
            try $0.query("SELECT left(rolpassword, 14) AS p FROM pg_authid WHERE rolname = $1", [name]).first?["p"]
        }
        XCTAssertEqual(hashed, "SCRAM-SHA-256$")
    }

    /// Nobody else may be able to replace the socket: a socket directory left writable is made
    /// the server user's with mode 0755, and a symbolic link is refused.
    func testTheSocketDirectoryIsTheServerUsersAlone() throws {
        let socket = cluster.status().socketDirectory
        try FileManager.default.createDirectory(at: cluster.home, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try FileManager.default.createDirectory(at: socket, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o777])
        XCTAssertEqual(chmod(socket.path, 0o777), 0)
        try cluster.start()
        var info = stat()
        XCTAssertEqual(lstat(socket.path, &info), 0)
        XCTAssertEqual(info.st_mode & 0o7777, 0o755)
        let serverUID = geteuid() == 0 ? try XCTUnwrap(getpwnam("postgres")).pointee.pw_uid : geteuid()
        XCTAssertEqual(info.st_uid, serverUID)
        try cluster.stop()

        try FileManager.default.removeItem(at: socket)
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: socket, withDestinationURL: elsewhere)
        XCTAssertThrowsError(try cluster.start()) { error in
            guard case EmbeddedClusterError.socketDirectoryUnsafe = error else { return XCTFail("got \(error)") }
        }
    }

    func testTheSuperuserIsNoStaffLoginAndOnlyTheOwnerIsToldItsURL() throws {
        try cluster.start()
        XCTAssertEqual(cluster.superuser, "citylab_superuser")
        let status = cluster.status()
        XCTAssertEqual(status.superuserURL, cluster.superuserURL())
        XCTAssertTrue(status.authentication.hasPrefix("peer"), status.authentication)
        let ident = try String(contentsOf: status.dataDirectory.appendingPathComponent("pg_ident.conf"), encoding: .utf8)
        let superuserLines = ident.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.hasSuffix("\"citylab_superuser\"") }
        XCTAssertEqual(superuserLines.count, 2, ident)
    }

    private func superuser<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try Connection(cluster.superuserURL(database: "postgres"))
        defer { connection.close() }
        return try body(connection)
    }

    /// psql run as OS user `osUser`, connecting as `login` to the cluster's `postgres` database.
    private func psql(as osUser: String, login: String, _ sql: String) throws -> ChildProcess.Exit {
        let socket = cluster.status().socketDirectory.path
        let arguments = [
            "-u", osUser, "--", "/usr/bin/psql", "-X", "-At", "-v", "ON_ERROR_STOP=1",
            "-h", socket, "-U", login, "-d", "postgres", "-c", sql,
        ]
        return try ChildProcess.spawn("/usr/sbin/runuser", arguments, environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"])
            .wait(timeout: .seconds(60))
    }
}
