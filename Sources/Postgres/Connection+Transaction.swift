extension Connection {
    /// Runs `body` between BEGIN and COMMIT, rolling back and rethrowing the body's error if it
    /// throws. Nested calls use savepoints. Throws (SQLSTATE 25P02) if COMMIT found the
    /// transaction already failed, since the server then rolls back silently.
    @discardableResult
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if isInTransaction {
            return try withSavepoint(body)
        }
        try simpleQuery("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? simpleQuery("ROLLBACK")
            throw error
        }
        let tag = try simpleCommand("COMMIT")
        guard tag != "ROLLBACK" else {
            throw PostgresError(
                .query, "the transaction had failed, so COMMIT rolled it back", sqlState: "25P02",
                hint: "an error inside the transaction was caught and ignored")
        }
        return value
    }

    private func withSavepoint<T>(_ body: () throws -> T) throws -> T {
        let name = "citylab_savepoint_\(savepointDepth)"
        try simpleQuery("SAVEPOINT \(name)")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? simpleQuery("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
            throw error
        }
        try simpleQuery("RELEASE SAVEPOINT \(name)")
        return value
    }
}
