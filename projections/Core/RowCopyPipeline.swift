import Foundation

/// Feeds a `COPY … FROM STDIN` with rows encoded by `RowCopyText` on a thread of its own, a
/// batch at a time through a short queue, while the caller's thread sends the previous batches:
/// the server stores rows as this process spells the next ones, instead of each waiting for
/// the other.
///
/// The rows are handed over whole (they are values); the producer thread touches nothing else,
/// and every shared field is guarded by `condition` (the `@unchecked Sendable` rests on that).
final class RowCopyPipeline<Row: Encodable & Sendable>: @unchecked Sendable {
    private struct Stopped: Error {}

    private let rows: [Row]
    private let columns: [String]
    private let batchSize: Int
    private let condition = NSCondition()
    private var batches: [Result<[UInt8], any Error>] = []
    private var finished = false
    private var stopping = false
    private static var capacity: Int { 4 }

    /// Sends the COPY lines of `rows` through `send`, in order; small sets are encoded right here.
    static func send(_ rows: [Row], columns: [String], batchSize: Int = 1000, _ send: ([UInt8]) throws -> Void) throws {
        guard rows.count > batchSize else {
            var text = RowCopyText(columns: columns)
            var out: [UInt8] = []
            for row in rows { try text.append(row, to: &out) }
            if !out.isEmpty { try send(out) }
            return
        }
        let pipeline = RowCopyPipeline(rows, columns: columns, batchSize: batchSize)
        pipeline.start()
        defer { pipeline.stop() }
        while let batch = try pipeline.next() { try send(batch) }
    }

    private init(_ rows: [Row], columns: [String], batchSize: Int) {
        (self.rows, self.columns, self.batchSize) = (rows, columns, max(1, batchSize))
    }

    private func start() {
        let thread = Thread { [self] in produce() }
        thread.name = "citylab.rebuild.encoder"
        thread.start()
    }

    /// The next batch of COPY text; nil once every row was handed out.
    private func next() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return try batch.get()
    }

    /// Stops the producer if it still runs and waits until it is done.
    private func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        batches.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
    }

    private func produce() {
        var text = RowCopyText(columns: columns)
        do {
            for start in stride(from: 0, to: rows.count, by: batchSize) {
                var out: [UInt8] = []
                out.reserveCapacity(batchSize * 256)
                for row in rows[start..<min(start + batchSize, rows.count)] { try text.append(row, to: &out) }
                try enqueue(.success(out))
            }
        } catch is Stopped {
        } catch {
            try? enqueue(.failure(error))
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    private func enqueue(_ batch: Result<[UInt8], any Error>) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.capacity, !stopping { condition.wait() }
        if stopping { throw Stopped() }
        batches.append(batch)
        condition.broadcast()
    }
}
