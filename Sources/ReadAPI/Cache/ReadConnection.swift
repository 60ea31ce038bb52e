import Postgres

/// The connections the HTTP side reads through. Each takes the read-only role `citylab_reader`
/// (`SET ROLE`) when the database has it and the login may take it, so whatever answers HTTP
/// cannot write the log or a read model even if it were made to run other statements; an older
/// schema without the role, or a login outside it, reads as itself. The in-process projector
/// keeps a connection of its own.
enum ReadConnection {
    static let role = "citylab_reader"

    static func open(_ url: String) throws -> Connection {
        let connection = try Connection(url)
        do {
            let member = try connection.query(
                """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)
                            THEN pg_has_role(session_user, $1, 'MEMBER') ELSE false END AS member
                """, [role]
            ).rows.first?.bool("member")
            if member == true { try connection.simpleQuery("SET ROLE \(role)") }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }
}
