import CLibPQ

/// Copies a PGresult into Sendable values. The caller still owns (and clears) the PGresult.
enum ResultReader {
    static func read(_ result: OpaquePointer) -> QueryResult {
        let fieldCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<fieldCount).map { String(cString: PQfname(result, $0)) }
        let index = Row.index(columns)
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(Int(fieldCount))
            for field in 0..<fieldCount {
                values.append(value(result, row, field))
            }
            rows.append(Row(columns: columns, indexByName: index, values: values))
        }
        return QueryResult(columns: columns, rows: rows, affectedRows: affectedRows(result))
    }

    static func value(_ result: OpaquePointer, _ row: Int32, _ field: Int32) -> String? {
        guard PQgetisnull(result, row, field) == 0, let pointer = PQgetvalue(result, row, field) else { return nil }
        let length = Int(PQgetlength(result, row, field))
        return UnsafeRawPointer(pointer).withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    static func affectedRows(_ result: OpaquePointer) -> Int {
        guard let tuples = PQcmdTuples(result) else { return 0 }
        return Int(String(cString: tuples)) ?? 0
    }

    /// The server's error fields (SQLSTATE, message, detail, hint, and the schema, table,
    /// column, data type and constraint it names) as a PostgresError.
    static func error(_ result: OpaquePointer, kind: PostgresError.Kind) -> PostgresError {
        // libpq's PG_DIAG_* codes (postgres_ext.h), character literals Swift does not import.
        func field(_ code: Unicode.Scalar) -> String? {
            PQresultErrorField(result, Int32(code.value)).map { String(cString: $0) }
        }
        let message = field("M") ?? Connection.trimmed(PQresultErrorMessage(result))
        return PostgresError(
            kind, message.isEmpty ? "unknown server error" : message,
            sqlState: field("C"), detail: field("D"), hint: field("H"),
            fields: PostgresErrorFields(
                schema: field("s"), table: field("t"), column: field("c"), dataType: field("d"), constraint: field("n")))
    }
}
