import CLibPQ

extension Connection {
    /// The SCRAM-SHA-256 verifier of `password` for `user`, computed here by libpq (as psql's
    /// `\password` does): what `ALTER ROLE … PASSWORD` stores, so the password itself never
    /// travels to the server, its logs or its errors. No round trip.
    public func scramVerifier(password: String, user: String) throws -> String {
        guard let handle else { throw PostgresError(.closed, "the connection is closed") }
        guard let verifier = PQencryptPasswordConn(handle, password, user, "scram-sha-256") else {
            throw PostgresError(.query, "could not compute the password verifier: " + Connection.trimmed(PQerrorMessage(handle)))
        }
        defer { PQfreemem(verifier) }
        return String(cString: verifier)
    }
}
