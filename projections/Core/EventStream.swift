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
        // citylab_instant's body, inlined: PostgreSQL cannot inline the function itself (it is
        // declared IMMUTABLE, to_char is only STABLE) and calling it per row costs more than the read.
        sql = """
            COPY (SELECT position, type, schema, data::text,
                         to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                  FROM events WHERE position > \(after) AND position <= \(through) AND \(list.isEmpty ? "false" : "type IN (\(list))")
                  ORDER BY position) TO STDOUT
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
                let stored = try EventCopyRow.parse(row)
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

/// One row of the stream's COPY text: `position \t type \t schema \t data \t instant \n`.
enum EventCopyRow {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ row: [UInt8]) throws -> EventDecoder.Stored {
        let end = row.last == UInt8(ascii: "\n") ? row.count - 1 : row.count
        // Tabs inside values are escaped (`\t`): the raw ones separate the five fields.
        var bounds: [Int] = [0]
        bounds.reserveCapacity(6)
        for index in 0..<end where row[index] == UInt8(ascii: "\t") { bounds.append(index + 1) }
        bounds.append(end + 1)
        guard bounds.count == 6, let position = integer(row, bounds[0], bounds[1] - 1),
            let schema = integer(row, bounds[2], bounds[3] - 1)
        else {
            throw Malformed(description: "unexpected row in the event stream: \(String(decoding: row.prefix(120), as: UTF8.self))")
        }
        func field(_ number: Int) -> String { text(row, bounds[number], bounds[number + 1] - 1) }
        return EventDecoder.Stored(position: position, type: field(1), schema: Int(schema), data: field(3), instant: field(4))
    }

    /// The text of `row[start..<end]`, its COPY escapes undone (most fields have none).
    private static func text(_ row: [UInt8], _ start: Int, _ end: Int) -> String {
        guard row[start..<end].contains(UInt8(ascii: "\\")) else { return String(decoding: row[start..<end], as: UTF8.self) }
        var field: [UInt8] = []
        var index = start
        while index < end {
            let byte = row[index]
            index += 1
            if byte == UInt8(ascii: "\\"), index < end {
                index = unescape(row, at: index, end: end, into: &field)
            } else {
                field.append(byte)
            }
        }
        return String(decoding: field, as: UTF8.self)
    }

    /// The decimal integer spelled by `row[start..<end]` (an optional minus, then digits).
    private static func integer(_ row: [UInt8], _ start: Int, _ end: Int) -> Int64? {
        var index = start
        let negative = index < end && row[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < end else { return nil }
        var value: Int64 = 0
        while index < end {
            let digit = Int64(row[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }

    /// The byte a `\` sequence starting at `index` (after the backslash) stands for; the index after it.
    private static func unescape(_ row: [UInt8], at start: Int, end: Int, into field: inout [UInt8]) -> Int {
        var index = start
        let byte = row[index]
        index += 1
        switch byte {
        case UInt8(ascii: "b"): field.append(0x08)
        case UInt8(ascii: "f"): field.append(0x0C)
        case UInt8(ascii: "n"): field.append(0x0A)
        case UInt8(ascii: "r"): field.append(0x0D)
        case UInt8(ascii: "t"): field.append(0x09)
        case UInt8(ascii: "v"): field.append(0x0B)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(byte - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, index < end, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(row[index]) {
                value = value * 8 + Int(row[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            field.append(UInt8(truncatingIfNeeded: value))
        case UInt8(ascii: "x"):
            var value = 0
            var digits = 0
            while digits < 2, index < end, let digit = hexValue(row[index]) {
                value = value * 16 + digit
                index += 1
                digits += 1
            }
            if digits == 0 { field.append(UInt8(ascii: "x")) } else { field.append(UInt8(value)) }
        default: field.append(byte)
        }
        return index
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
