import Foundation
import Postgres

/// PostgreSQL login roles for one test, made in the test server's cluster by
/// `TestCluster.makeLogin` (roles are cluster-wide, so each gets a unique name) and dropped by
/// `dropAll()`. A login is reached by the test database's URL with its user and password.
public final class StaffLogins {
    private let databaseURL: String
    private var created: [String: String] = [:]
    private let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)

    public init(databaseURL: String) {
        self.databaseURL = databaseURL
    }

    /// Creates `LOGIN` role `<base>_<random>` in the given group roles (`citylab_desk`, …);
    /// returns its name.
    public func create(_ base: String, roles: [String]) throws -> String {
        let name = "\(base)_\(suffix)"
        created[name] = try TestCluster.shared.makeLogin(name, roles: roles, databaseURL: databaseURL)
        return name
    }

    /// The test database's URL, connecting as `login` (made by `create`).
    public func url(_ login: String) -> String {
        created[login] ?? databaseURL
    }

    /// Drops every login made here, waiting (with a deadline) for their sessions and the
    /// temporary objects those held to be gone.
    public func dropAll() throws {
        for name in created.keys.sorted() {
            try poll(timeout: .seconds(10), "role \(name) can be dropped") {
                do {
                    try TestCluster.shared.dropLogin(name)
                    return true
                } catch let error as PostgresError where error.sqlState == "2BP01" || error.sqlState == "55006" {
                    return false
                }
            }
        }
        created.removeAll()
    }
}
