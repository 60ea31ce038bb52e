import Foundation
import Postgres

/// Reads a range of the log with one `COPY … TO STDOUT` on a thread of its own, parsing and
/// decoding rows as they arrive, and hands pages of `pageSize` positions to the caller's thread
/// through a short queue: the server reads, this thread decodes and the caller folds, at once.
///
/// The connection belongs to the reader thread from `start()` until `stop()` returns or `next()`
/// returns nil or throws: meanwhile the caller must not use it (the `@unchecked Sendable` below
/// rests on that). Every other shared field is guarded by `condition`.
final class EventStream: @unchecked Sendable {
    private struct Stopped: Error {}

    private let connection: Connection
    private let after: Int64
    private let through: Int64
    private let pageSize: Int64
    private let sql: String
    private let condition = NSCondition()
    private var pages: [Result<EventPage, any Error>] = []
    private var finished = false
    private var stopping = false
    private static let capacity = 4

    /// The events of `types` in (`after`, `through`]; `through` must be committed (at most the head).
    init(_ connection: Connection, after: Int64, through: Int64, types: Set<String>, pageSize: Int) throws {
        (self.connection, self.after, self.through, self.pageSize) = (connection, after, through, Int64(max(1, pageSize)))
        let list = try types.sorted().map(SQLIdentifier.quoteLiteral).joined(separator: ", ")
        // Binary: no text escapes either way, and the instant is spelled by `EventBinaryRow`
        // rather than by `to_char` for every row (`citylab_instant` costs more than the read).
        // The casts pin the binary formats whatever the columns' types.
        sql = """
            COPY (SELECT position::int8, type::text, schema::int4, data::text, recorded_at::timestamptz
                  FROM events WHERE position > \(after) AND position <= \(through) AND \(list.isEmpty ? "false" : "type IN (\(list))")
                  ORDER BY position) TO STDOUT (FORMAT binary)
            """
    }

    func start() {
        let thread = Thread { [self] in read() }
        thread.name = "citylab.rebuild.reader"
        thread.start()
    }

    /// The next page in log order; nil once all of (`after`, `through`] was handed out.
    func next() throws -> EventPage? {
        condition.lock()
        defer { condition.unlock() }
        while pages.isEmpty, !finished { condition.wait() }
        guard !pages.isEmpty else { return nil }
        let page = pages.removeFirst()
        condition.broadcast()
        return try page.get()
    }

    /// Cancels the read if it still runs and waits until the reader is done with the connection.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        pages.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
    }

    private func read() {
        var start = after
        var pending: [EventDecoder.Stored] = []
        do {
            try connection.copyOut(sql) { row in
                guard let stored = try EventBinaryRow.parse(row) else { return }
                if stored.position > start + pageSize {
                    let end = start + (stored.position - start - 1) / pageSize * pageSize
                    try send(pending, from: start, to: end)
                    pending.removeAll(keepingCapacity: true)
                    start = end
                }
                pending.append(stored)
            }
            if start < through { try send(pending, from: start, to: through) }
        } catch is Stopped {
        } catch {
            condition.lock()
            if !stopping { pages.append(.failure(error)) }
            condition.unlock()
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Decodes a page's events here and queues the page, waiting while the queue is full.
    private func send(_ stored: [EventDecoder.Stored], from start: Int64, to end: Int64) throws {
        let page = EventPage(events: try EventDecoder.decode(stored, parallel: false), last: end, count: Int(end - start))
        condition.lock()
        defer { condition.unlock() }
        while pages.count >= Self.capacity, !stopping { condition.wait() }
        if stopping { throw Stopped() }
        pages.append(.success(page))
        condition.broadcast()
    }
}
