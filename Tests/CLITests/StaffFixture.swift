import Foundation
import Postgres
import TestSupport
import XCTest

/// Real PostgreSQL logins for staff tests: unique names (roles are shared by every database of
/// the test server), dropped when the test ends; and what the server says about them.
struct StaffFixture {
    let cli: CLIHarness

    /// A fresh login name (not created yet); dropped at the end of `test`.
    func login(_ test: XCTestCase, _ stem: String = "staff") -> String {
        let name = "\(stem)_\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        let cli = cli
        test.addTeardownBlock {
            guard let connection = try? cli.connection() else { return }
            defer { connection.close() }
            _ = try? connection.simpleQuery("DROP ROLE IF EXISTS \(try SQLIdentifier.quote(name))")
        }
        return name
    }

    /// The `citylab_*` roles of work `login` is a direct member of, sorted (not `url(as:)`'s password group).
    func memberships(_ login: String) throws -> [String] {
        let connection = try cli.connection()
        defer { connection.close() }
        return try connection.query(
            """
            SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
            WHERE u.rolname = $1 AND g.rolname LIKE 'citylab\\_%' AND g.rolname <> 'citylab_password_login' ORDER BY 1
            """, [login]
        ).rows.map { try $0.string("rolname") }
    }

    /// `rolcanlogin`, or nil when the role does not exist.
    func canLogIn(_ login: String) throws -> Bool? {
        let connection = try cli.connection()
        defer { connection.close() }
        return try connection.query("SELECT rolcanlogin FROM pg_roles WHERE rolname = $1", [login]).rows.first?.bool("rolcanlogin")
    }

    /// The test database's URL, connecting as `login` instead (by a password it is given: the
    /// embedded test cluster authenticates other logins by peer, i.e. only as the same OS user).
    func url(as login: String) throws -> String {
        try TestCluster.shared.passwordURL(cli.databaseURL, login: login)
    }

    /// Whether the append path checks the caller's roles (migration 5's `event_authority`).
    func appendChecksRoles() throws -> Bool {
        let connection = try cli.connection()
        defer { connection.close() }
        return try connection.query("SELECT to_regclass('event_authority') IS NOT NULL AS present").rows[0].bool("present")
    }
}
