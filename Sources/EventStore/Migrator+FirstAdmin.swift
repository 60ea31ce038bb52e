import Events
import Postgres

extension Migrator {
    /// What `bootstrapFirstAdmin` did.
    public enum FirstAdmin: Sendable, Equatable {
        /// `StaffAdded(login, every role)` was appended at this position (the log had no staff event).
        case added(StaffLogin, position: Int64)
        /// The log already holds staff events: nothing was written.
        case alreadyBootstrapped
    }

    /// The first admin: when the log holds no staff event yet, appends `StaffAdded(login, every
    /// role)` through the append path, so the staff trigger (migration 6) creates the login if
    /// missing and grants it every role of work, in the same transaction. Run it on the
    /// migrating connection (the schema's owner, admitted to append staff events) after
    /// `migrate`. Idempotent: under the migrations' lock, a second call writes nothing.
    /// `db migrate` calls it for `session_user` (or `--first-admin`); `db start` for the OS user.
    @discardableResult
    public static func bootstrapFirstAdmin(_ connection: Connection, login: StaffLogin, actor: String) throws -> FirstAdmin {
        try connection.transaction { () throws -> FirstAdmin in
            try connection.execute("SELECT pg_advisory_xact_lock(7243001)")
            let staffTypes = [StaffAdded.eventType, StaffRoleGranted.eventType, StaffRoleRevoked.eventType, StaffDisabled.eventType]
            let existing = try connection.query("SELECT 1 AS one FROM events WHERE type = ANY($1) LIMIT 1", [staffTypes])
            guard existing.rows.isEmpty else { return .alreadyBootstrapped }
            let stream = StreamName.staff(login)
            let batch = AppendBatch(
                commandID: nil, expectations: [stream: 0],
                events: [PendingEvent(stream, StaffAdded(login: login, roles: StaffRole.allCases))],
                metadata: EventMetadata(actor: actor, commandID: "cmd_first_admin", command: "db migrate", source: "migrate"),
                result: ["id": .string(login.rawValue)])
            let outcome = try EventStore(connection).append(batch)
            return .added(login, position: outcome.position)
        }
    }

    /// The login this connection authenticated as (`session_user`), if it is a valid staff login.
    public static func sessionLogin(_ connection: Connection) throws -> StaffLogin? {
        let row = try connection.query("SELECT session_user::text AS login").rows.first
        return StaffLogin(try row?.string("login") ?? "")
    }
}
