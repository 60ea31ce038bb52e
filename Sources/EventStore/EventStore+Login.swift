import Events
import Postgres

extension EventStore {
    /// The identity the server authenticated for this connection (`session_user`), asked once.
    /// The append path refuses an event whose metadata records any other login, so every
    /// batch's metadata carries this one.
    public func login() throws -> StaffLogin {
        if let sessionLogin { return sessionLogin }
        guard let name = try connection.query("SELECT session_user::text AS login").rows.first?["login"] else {
            throw EventStoreError.schema("the server did not say which login this connection has")
        }
        let login = StaffLogin(unchecked: name)
        sessionLogin = login
        return login
    }

    /// `metadata` recording this connection's login: what a `PreparedAppend` built apart from
    /// the store needs before it is sent.
    public func authenticated(_ metadata: EventMetadata) throws -> EventMetadata {
        var metadata = metadata
        metadata.login = try login()
        return metadata
    }
}
