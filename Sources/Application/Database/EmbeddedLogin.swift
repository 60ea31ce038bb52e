import EventStore
import Events
import Foundation
import Postgres

/// The embedded cluster's side of `Database.connect`. Every OS user connects as the login of the
/// same name (peer), never as a superuser. The cluster's owner (or root), the first time and
/// whenever the schema is behind, does the superuser's part first: migrate, and make their login
/// the first admin while the log has no staff yet (`FirstAdmin`).
enum EmbeddedLogin {
    static func connect(_ cluster: EmbeddedCluster, migrate: Bool, progress: (String) -> Void) throws -> Connection {
        if !migrate, let connection = try? Connection(cluster.loginURL()) {
            if (try? Migrator.status(connection, Database.migrations))?.isBehind == false { return connection }
            connection.close()
        }
        let login = OSUser.currentName
        if cluster.isOwnedByCaller {
            do {
                try prepare(cluster, login: login, migrate: migrate, progress: progress)
            } catch let error as AppError {
                throw error
            } catch {
                throw AppError.database(
                    "could not prepare the embedded cluster for login \(login): \(error)",
                    hint: "see the server log in \(cluster.status().logFile.path)")
            }
        }
        do {
            return try Connection(cluster.loginURL())
        } catch {
            throw AppError.database(
                "cannot connect to the embedded cluster as \(login): \(error)",
                hint: (cluster.isOwnedByCaller ? "" : "is it up? Its owner starts it with 'citylab db start'. ")
                    + "The OS user who started it is its first admin, who makes others logins: 'citylab staff add \(login) --role ROLE'")
        }
    }

    /// As the bootstrap superuser: migrate when asked or behind, and make `login` the first admin.
    static func prepare(_ cluster: EmbeddedCluster, login name: String, migrate: Bool, progress: (String) -> Void) throws {
        guard let login = StaffLogin(name) else {
            throw AppError.database(
                "the OS user name \(name) cannot be a citylab login (letters, digits, _ . - @; not pg_ or citylab_)",
                hint: "run citylab as another OS user, or pass --database-url")
        }
        let connection = try Connection(cluster.superuserURL())
        defer { connection.close() }
        let isBehind = try Migrator.status(connection, Database.migrations).isBehind
        if migrate || isBehind {
            try Migrator.migrate(connection, Database.migrations)
        }
        try FirstAdmin.make(connection, login, progress: progress)
    }
}
