extension Connection {
    /// Another connection to the same server and database, opened as this one was: for work
    /// that runs beside this connection's (its own session, its own transactions).
    public func sibling() throws -> Connection { try Connection(conninfo) }
}
