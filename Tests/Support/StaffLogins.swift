import Foundation
import Postgres

/// PostgreSQL login roles for one test, made in the test server's cluster (roles are
/// cluster-wide, so each gets a unique name) and dropped by `dropAll()`. A login is reached by
/// the test database's URL with `user=` set: the test server trusts its unix socket.
public final class StaffLogins {
    private let databaseURL: String
    private var created: [String] = []
    private let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    public init(databaseURL: String) {
        self.databaseURL = databaseURL
    }

    /// Creates `LOGIN` role `<base>_<random>` in the given group roles (`citylab_desk`, …);
    /// returns its name.
    public func create(_ base: String, roles: [String]) throws -> String {
        let name = "\(base)_\(suffix)"
        let admin = try Connection(databaseURL)
        defer { admin.close() }
        try admin.simpleQuery("CREATE ROLE \(try SQLIdentifier.quote(name)) LOGIN")
        created.append(name)
        for role in roles { try admin.simpleQuery("GRANT \(try SQLIdentifier.quote(role)) TO \(try SQLIdentifier.quote(name))") }
        return name
    }

    /// The test database's URL, connecting as `login`.
    public func url(_ login: String) -> String {
        databaseURL + (databaseURL.contains("?") ? "&" : "?") + "user=" + login
    }

    /// Drops every login made here, waiting (with a deadline) for their sessions and the
    /// temporary objects those held to be gone.
    public func dropAll() throws {
        let admin = try Connection(databaseURL)
        defer { admin.close() }
        for name in created {
            try poll(timeout: .seconds(10), "role \(name) can be dropped") {
                do {
                    try admin.simpleQuery("DROP ROLE IF EXISTS \(try SQLIdentifier.quote(name))")
                    return true
                } catch let error as PostgresError where error.sqlState == "2BP01" || error.sqlState == "55006" {
                    return false
                }
            }
        }
        created.removeAll()
    }
}
