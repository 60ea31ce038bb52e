import EventStore
import Foundation
import Postgres
import Projections

/// Opens the database for a command: starts the embedded cluster on demand (and migrates it,
/// since it is ours), or connects to the given URL and checks its schema is current.
/// Every failure is an `AppError.database` (exit 4) that says how to fix it.
public enum Database {
    /// Every migration this build knows, in order: the event store's, then the read models'.
    public static var migrations: [Migration] { Migrator.eventStore + ReadModelMigrations.all }

    public static func connect(_ target: DatabaseTarget, migrate: Bool = false, progress: (String) -> Void = { _ in }) throws
        -> Connection
    {
        let url: String
        let connection: Connection
        switch target {
        case .url(let given):
            url = given
            do {
                connection = try Connection(url)
            } catch {
                throw AppError.database(
                    "cannot reach the database at \(DatabaseTarget.redact(url)): \(error)",
                    hint: "start that server, fix --database-url / CITYLAB_DATABASE_URL, or unset both to use the embedded cluster")
            }
        case .embedded(let home):
            let cluster = EmbeddedCluster(home: home, durable: EmbeddedCluster.isDurable(ProcessInfo.processInfo.environment))
            // Another OS user's cluster is theirs to start; we only connect to it as our own login.
            if cluster.isOwnedByCaller {
                do {
                    try cluster.start(progress: progress)
                } catch {
                    throw AppError.database(
                        "could not start the embedded PostgreSQL cluster in \(home.path): \(error)",
                        hint: "check that directory is writable, or pass --database-url to use another server")
                }
            }
            // Migrated (by the owner's tooling, as the superuser) before it returns.
            connection = try EmbeddedLogin.connect(cluster, migrate: migrate, progress: progress)
            url = cluster.loginURL()
        }
        let isEmbedded = if case .embedded = target { true } else { false }
        do {
            let status = try Migrator.status(connection, migrations)
            if migrate && !isEmbedded {
                try Migrator.migrate(connection, migrations)
            } else if status.isMissing {
                throw AppError.database(
                    "the database at \(DatabaseTarget.redact(url)) has no citylab schema", hint: "run 'citylab db migrate'")
            } else if status.isBehind {
                throw AppError.database(
                    "the database schema is at version \(status.applied ?? 0), this citylab needs \(status.expected)"
                        + (status.missing.isEmpty ? "" : " (missing: \(status.missing.map(String.init).joined(separator: ", ")))"),
                    hint: "run 'citylab db migrate'")
            }
        } catch let error as AppError {
            throw error
        } catch let error as PostgresError where EventStoreError.isPrivilegeRefusal(error) {
            // Missing rights are never a missing schema: reading the schema's version needs a
            // citylab role, migrating it the owner's rights (or CREATEROLE for the roles).
            throw AppError.notPermitted(
                migrate
                    ? "migrating needs the schema owner's rights or citylab_admin with CREATEROLE: \(error.message)"
                    : "reading the citylab schema needs a citylab role (e.g. citylab_auditor): \(error.message)",
                hint: error.hint ?? AppError.grantHint)
        } catch {
            throw AppError.database("could not check the database schema: \(error)", hint: "run 'citylab db migrate'")
        }
        return connection
    }
}

/// The read models' migrations (projections/sql, versions from 100 on).
public enum ReadModelMigrations {
    public static let all: [Migration] = ProjectionMigrations.all
}
