import Application
import EventStore
import Foundation
import Postgres

/// A fresh, migrated database for one benchmark: on CITYLAB_DATABASE_URL's server when set
/// (it must allow CREATE DATABASE), else on a private durable cluster in a temp directory.
final class BenchDatabase {
    let url: String
    private let cluster: EmbeddedCluster?

    init(name: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let database = "bench_\(name)_\(RandomID.suffix(length: 6))"
        if let admin = environment["CITYLAB_DATABASE_URL"] {
            cluster = nil
            let connection = try Connection(admin)
            try connection.simpleQuery("CREATE DATABASE \(database)")
            connection.close()
            url = BenchDatabase.replacingDatabase(in: admin, with: database)
        } else {
            let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("citylab-bench-\(getpid())")
            let cluster = EmbeddedCluster(home: home, durable: true)
            self.cluster = cluster
            _ = try cluster.start()
            try cluster.createDatabase(database, template: nil)
            url = cluster.superuserURL(database: database)
        }
        let connection = try Connection(url)
        try Migrator.migrate(connection, Database.migrations)
        connection.close()
    }

    func stop() {
        guard let cluster else { return }
        try? cluster.stop()
        try? FileManager.default.removeItem(at: cluster.status().home)
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}
