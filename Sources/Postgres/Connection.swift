import CLibPQ
import Foundation

/// One libpq connection. Blocking: use it from one thread at a time (a `Thread` or a serial
/// `DispatchQueue` the caller owns), never from the cooperative pool. Not Sendable on purpose.
public final class Connection {
    /// The live PGconn; nil once closed. Only this module sees it.
    private(set) var handle: OpaquePointer?
    /// Statements prepared on this session by `queryPrepared`, by name.
    var preparedNames: Set<String> = []
    private let noticeLog: NoticeLog
    var savepointDepth = 0
    /// What it was opened with, for `sibling()`.
    let conninfo: String

    /// Connects with a URL (`postgresql://user@host/db`, `?host=/socket/dir`) or a key=value
    /// conninfo. Throws `.connection` with libpq's reason, scrubbed of any password.
    public init(_ conninfo: String, noticeLimit: Int = 16) throws {
        noticeLog = NoticeLog(limit: max(1, noticeLimit))
        self.conninfo = conninfo
        guard let connection = PQconnectdb(conninfo) else {
            throw PostgresError(.connection, "could not allocate a libpq connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Connection.trimmed(PQerrorMessage(connection))
            PQfinish(connection)
            throw PostgresError(.connection, "could not connect: " + SecretScrubber.scrub(reason, conninfo: conninfo))
        }
        handle = connection
        // libpq prints notices to stderr by default; keep them on the connection instead.
        PQsetNoticeProcessor(
            connection,
            { context, message in
                guard let context, let message else { return }
                let log = Unmanaged<NoticeLog>.fromOpaque(context).takeUnretainedValue()
                log.append(Connection.trimmed(message))
            },
            Unmanaged.passUnretained(noticeLog).toOpaque())
        do {
            try normalizeSession(connection)
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    /// The last NOTICE/WARNING messages (oldest first, bounded), instead of stderr.
    public var notices: [String] { noticeLog.entries }

    public func clearNotices() {
        noticeLog.removeAll()
    }

    /// True while the connection is usable (not closed, not broken).
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// True inside BEGIN … COMMIT (including a failed transaction awaiting ROLLBACK).
    public var isInTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Closes the connection; later calls throw `.closed`. Safe to call twice.
    public func close() {
        if let handle {
            PQfinish(handle)
            self.handle = nil
        }
    }

    /// E.g. 150004 for 15.4; 0 when closed.
    public var serverVersion: Int {
        handle.map { Int(PQserverVersion($0)) } ?? 0
    }

    /// The server process serving this connection; 0 when closed.
    public var backendPID: Int32 {
        handle.map { PQbackendPID($0) } ?? 0
    }

    /// Runs one statement with `$1…` parameters sent separately (text format), never spliced into the SQL.
    public func query(_ sql: String, _ params: [any PostgresBindable] = []) throws -> QueryResult {
        let handle = try openHandle()
        let result = try withParameterPointers(params) { values in
            PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        defer { PQclear(result) }
        try check(result, kind: .query)
        guard let result else { throw lastError(.query) }
        return ResultReader.read(result)
    }

    /// Runs one statement and returns the number of rows it affected.
    @discardableResult
    public func execute(_ sql: String, _ params: [any PostgresBindable] = []) throws -> Int {
        try query(sql, params).affectedRows
    }

    /// Runs one or more `;`-separated statements without parameters (simple protocol), for
    /// migrations and DDL. Stops at the first error.
    public func simpleQuery(_ sql: String) throws {
        _ = try simpleCommand(sql)
    }

    /// Runs `sql` with the simple protocol and returns the last command tag (e.g. "COMMIT").
    func simpleCommand(_ sql: String) throws -> String {
        let handle = try openHandle()
        var tag = ""
        guard PQsendQuery(handle, sql) == 1 else {
            throw lastError(.query)
        }
        var firstError: PostgresError?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            do {
                try check(result, kind: .query)
                tag = String(cString: PQcmdStatus(result))
            } catch let error as PostgresError {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        return tag
    }

    func openHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError(.closed, "the connection is closed") }
        return handle
    }

    /// The connection-level error, as `.connection` when the connection broke.
    func lastError(_ kind: PostgresError.Kind) -> PostgresError {
        let message = handle.map { Connection.trimmed(PQerrorMessage($0)) } ?? "the connection is closed"
        return PostgresError(isOpen ? kind : .connection, message.isEmpty ? "unknown libpq error" : message)
    }

    /// Throws for any status but success; COPY states are refused and cleaned up.
    func check(_ result: OpaquePointer?, kind: PostgresError.Kind) throws {
        guard let result else { throw lastError(kind) }
        let status = PQresultStatus(result)
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            abandonCopy(status)
            throw PostgresError(.copy, "COPY … STDIN/STDOUT must run through copyIn/copyOut")
        default:
            throw ResultReader.error(result, kind: isOpen ? kind : .connection)
        }
    }

    /// Our sessions speak UTF-8 and ISO dates whatever the server's defaults are.
    private func normalizeSession(_ connection: OpaquePointer) throws {
        if let encoding = PQparameterStatus(connection, "client_encoding"), String(cString: encoding) != "UTF8" {
            guard PQsetClientEncoding(connection, "UTF8") == 0 else { throw lastError(.connection) }
        }
        if let style = PQparameterStatus(connection, "DateStyle"), !String(cString: style).hasPrefix("ISO") {
            try simpleQuery("SET DateStyle TO ISO")
        }
    }

    /// Keeps C strings alive for the call; rejects NUL bytes, which libpq would silently truncate at.
    func withParameterPointers<T>(
        _ params: [any PostgresBindable], _ body: ([UnsafePointer<CChar>?]) -> T
    ) throws -> T {
        var owned: [UnsafeMutablePointer<CChar>?] = []
        defer { for pointer in owned { free(pointer) } }
        for (position, param) in params.enumerated() {
            switch param.postgresValue {
            case .null:
                owned.append(nil)
            case .text(var text):
                // memchr over the contiguous UTF-8: payloads are kilobytes, sent on every append.
                let hasNUL = text.withUTF8 { utf8 in utf8.baseAddress.map { memchr($0, 0, utf8.count) != nil } ?? false }
                guard !hasNUL else {
                    throw PostgresError(.query, "parameter $\(position + 1) contains a NUL byte, which PostgreSQL text cannot hold")
                }
                guard let copy = strdup(text) else { throw PostgresError(.query, "out of memory copying parameters") }
                owned.append(copy)
            }
        }
        return body(owned.map { $0.map { UnsafePointer($0) } })
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
