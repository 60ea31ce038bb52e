import CLibPQ

extension Connection {
    /// Runs `COPY … FROM STDIN`; `produce` calls `write` with chunks of COPY text (or CSV) data.
    /// If `produce` throws, the COPY is aborted (nothing is inserted) and its error is rethrown.
    /// Returns the number of rows copied.
    @discardableResult
    public func copyIn(_ sql: String, _ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> Int {
        let handle = try startCopy(sql, expecting: PGRES_COPY_IN, "COPY … FROM STDIN")
        var producerError: (any Error)?
        do {
            try produce { bytes in
                let sent = bytes.withUnsafeBytes { raw -> Int32 in
                    guard let base = raw.baseAddress else { return 1 }
                    return PQputCopyData(handle, base.assumingMemoryBound(to: CChar.self), Int32(raw.count))
                }
                guard sent == 1 else { throw self.lastError(.copy) }
            }
        } catch {
            producerError = error
        }
        let ended = PQputCopyEnd(handle, producerError == nil ? nil : "COPY aborted by the client")
        let outcome = finishCopy(handle)
        if let producerError { throw producerError }
        guard ended == 1 else { throw lastError(.copy) }
        return try outcome.get()
    }

    /// Runs `COPY … TO STDOUT` and hands each chunk (usually one row) to `consume` as it arrives.
    /// If `consume` throws, the query is cancelled, the rest discarded, and the error rethrown.
    public func copyOut(_ sql: String, _ consume: ([UInt8]) throws -> Void) throws {
        let handle = try startCopy(sql, expecting: PGRES_COPY_OUT, "COPY … TO STDOUT")
        var consumerError: (any Error)?
        var transferError: PostgresError?
        while true {
            var buffer: UnsafeMutablePointer<CChar>?
            let length = PQgetCopyData(handle, &buffer, 0)
            if let buffer {
                defer { PQfreemem(buffer) }
                if consumerError == nil, length > 0 {
                    let chunk = UnsafeRawBufferPointer(start: buffer, count: Int(length))
                    do {
                        try consume(Array(chunk))
                    } catch {
                        consumerError = error
                        cancelCurrentQuery(handle)
                    }
                }
            }
            if length == -1 { break }
            if length == -2 {
                transferError = lastError(.copy)
                break
            }
        }
        let outcome = finishCopy(handle)
        if let consumerError { throw consumerError }
        if let transferError { throw transferError }
        _ = try outcome.get()
    }

    /// Leaves a COPY state that a plain query ran into, so the connection stays usable.
    func abandonCopy(_ status: ExecStatusType) {
        guard let handle else { return }
        if status == PGRES_COPY_IN {
            _ = PQputCopyEnd(handle, "COPY FROM STDIN is only supported through copyIn")
        } else if status == PGRES_COPY_OUT {
            cancelCurrentQuery(handle)
            var buffer: UnsafeMutablePointer<CChar>?
            while PQgetCopyData(handle, &buffer, 0) > 0 {
                if let chunk = buffer { PQfreemem(chunk) }
                buffer = nil
            }
        }
    }

    private func startCopy(_ sql: String, expecting status: ExecStatusType, _ what: String) throws -> OpaquePointer {
        let handle = try openHandle()
        guard let result = PQexec(handle, sql) else { throw lastError(.copy) }
        defer { PQclear(result) }
        let actual = PQresultStatus(result)
        guard actual == status else {
            if actual == PGRES_COMMAND_OK || actual == PGRES_TUPLES_OK {
                throw PostgresError(.copy, "the statement is not \(what)")
            }
            try check(result, kind: .copy)
            throw PostgresError(.copy, "the statement is not \(what)")
        }
        return handle
    }

    /// Reads every remaining result; the command's row count, or the first error.
    private func finishCopy(_ handle: OpaquePointer) -> Result<Int, PostgresError> {
        var outcome: Result<Int, PostgresError> = .success(0)
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_COMMAND_OK {
                if case .success = outcome { outcome = .success(ResultReader.affectedRows(result)) }
            } else if status == PGRES_COPY_IN {
                // PQputCopyEnd failed to send: give up on the connection's COPY state.
                _ = PQputCopyEnd(handle, "COPY aborted")
            } else {
                if case .success = outcome { outcome = .failure(ResultReader.error(result, kind: isOpen ? .copy : .connection)) }
            }
            if !isOpen { break }
        }
        return outcome
    }

    /// Asks the server to cancel the running statement (a separate, short-lived connection).
    func cancelCurrentQuery(_ handle: OpaquePointer) {
        guard let cancel = PQgetCancel(handle) else { return }
        defer { PQfreeCancel(cancel) }
        var errorBuffer = [CChar](repeating: 0, count: 256)
        _ = PQcancel(cancel, &errorBuffer, Int32(errorBuffer.count))
    }
}
