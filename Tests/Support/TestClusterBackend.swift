import Application
import Postgres

/// The server the tests use: our own embedded cluster, or one named by CITYLAB_TEST_DATABASE_URL.
enum TestClusterBackend: Sendable {
    case embedded(EmbeddedCluster)
    case external(adminURL: String)

    var adminURL: String {
        switch self {
        case .embedded(let cluster): return cluster.superuserURL(database: "postgres")
        case .external(let adminURL): return adminURL
        }
    }

    func url(database: String) -> String {
        switch self {
        case .embedded(let cluster): return cluster.superuserURL(database: database)
        case .external(let adminURL): return ConnectionString.replacingDatabase(in: adminURL, with: database)
        }
    }

    var isExternal: Bool {
        if case .external = self { return true }
        return false
    }

    func withAdmin<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try Connection(adminURL)
        defer { connection.close() }
        return try body(connection)
    }
}
