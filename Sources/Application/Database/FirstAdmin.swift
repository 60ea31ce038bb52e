import EventStore
import Events
import Postgres

/// The embedded cluster's owner as its first admin: while the log holds no staff event,
/// `StaffAdded(login, every role)`, whose trigger creates the login (LOGIN only: no SUPERUSER,
/// no CREATEROLE, which in PostgreSQL 15 could grant `pg_execute_server_program`) and grants it
/// every role of work in the same transaction. Later logins come from `citylab staff add`.
enum FirstAdmin {
    static func make(_ connection: Connection, _ login: StaffLogin, progress: (String) -> Void) throws {
        let outcome = try Migrator.bootstrapFirstAdmin(connection, login: login, actor: login.rawValue)
        if case .added = outcome {
            progress("\(login) is the first admin (login \(login), every role of work; others: citylab staff add)")
        }
    }
}
