import CLibPQ

extension Connection {
    /// Runs `sql` as the named prepared statement `name`, preparing it on this session's first
    /// use: the server parses and plans it once instead of on every call (the hot appends).
    /// `sql` must be the same text for a name on every call. A failed prepare is not kept.
    public func queryPrepared(_ name: String, _ sql: String, _ params: [any PostgresBindable]) throws -> QueryResult {
        let handle = try openHandle()
        if !preparedNames.contains(name) {
            let prepared = PQprepare(handle, name, sql, Int32(params.count), nil)
            defer { PQclear(prepared) }
            try check(prepared, kind: .query)
            preparedNames.insert(name)
        }
        let result = try withParameterPointers(params) { values in
            PQexecPrepared(handle, name, Int32(values.count), values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, kind: .query)
        guard let result else { throw lastError(.query) }
        return ResultReader.read(result)
    }
}
