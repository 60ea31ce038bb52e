import Foundation

/// Feeds a `COPY … FROM STDIN` with rows' lines (`RowCopyWritable`) written on two threads of their own,
/// a batch at a time (each thread every other batch) through a short queue, while the caller's
/// thread sends the batches in order: the server stores rows as this process spells the next
/// ones, instead of each waiting for the other.
///
/// The rows are handed over whole (they are values); the producer threads touch nothing else,
/// and every shared field is guarded by `condition` (the `@unchecked Sendable` rests on that).
final class RowCopyPipeline<Source, Row: RowCopyWritable>: @unchecked Sendable {
    private struct Stopped: Error {}

    /// The rows to send: `row(source[index])` for each of `indices` (nil ones are skipped), so a
    /// store's rows are read where they lie rather than copied into an array first.
    private var source: [Source]
    private let indices: [Int]
    private let row: @Sendable (Source) -> Row?
    private let batchSize: Int
    private let producers = 2
    private let condition = NSCondition()
    /// Encoded batches not sent yet, by number.
    private var batches: [Int: Result<[UInt8], any Error>] = [:]
    /// The number of the next batch to send.
    private var next = 0
    private var running = 0
    private var stopping = false
    private static var capacity: Int { 4 }

    /// Sends the COPY lines of `row(source[index])` for each of `indices` through `send`, in
    /// order, skipping nil rows; small sets are encoded right here.
    static func send(
        _ source: [Source], _ indices: [Int], row: @escaping @Sendable (Source) -> Row?, batchSize: Int = 250,
        _ send: ([UInt8]) throws -> Void
    ) throws {
        guard indices.count > batchSize else {
            var line = RowCopyLine()
            for index in indices { try row(source[index])?.writeCopyLine(&line) }
            if !line.out.isEmpty { try send(line.out) }
            return
        }
        let pipeline = RowCopyPipeline(source, indices, row: row, batchSize: batchSize)
        pipeline.start()
        defer { pipeline.stop() }
        while let batch = try pipeline.take() { try send(batch) }
    }

    private init(_ source: [Source], _ indices: [Int], row: @escaping @Sendable (Source) -> Row?, batchSize: Int) {
        (self.source, self.indices, self.row, self.batchSize) = (source, indices, row, max(1, batchSize))
    }

    private var count: Int { (indices.count + batchSize - 1) / batchSize }

    private func start() {
        running = producers
        for first in 0..<producers {
            let thread = Thread { [self] in produce(from: first) }
            thread.name = "citylab.rebuild.encoder"
            thread.start()
        }
    }

    /// The next batch of COPY text, in order; nil once every row was handed out.
    private func take() throws -> [UInt8]? {
        condition.lock()
        defer { condition.unlock() }
        guard next < count else { return nil }
        while batches[next] == nil { condition.wait() }
        let batch = batches.removeValue(forKey: next)
        next += 1
        condition.broadcast()
        return try batch?.get()
    }

    /// Stops the producers if they still run and waits until they are done.
    private func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopping = true
        batches.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        // Let go of the rows now: the store may change them next, and must not copy them all.
        source = []
    }

    /// Encodes batches `first`, `first + producers`, … (a failed one is queued as its error).
    private func produce(from first: Int) {
        var line = RowCopyLine(capacity: batchSize * 256)
        encode(from: first, &line)
        condition.lock()
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The batches of `produce`, reading the rows through a local reference (released on return).
    private func encode(from first: Int, _ line: inout RowCopyLine) {
        let source = self.source
        do {
            for number in stride(from: first, to: count, by: producers) {
                let outcome = Result { () throws -> [UInt8] in
                    line.out.reserveCapacity(batchSize * 256)
                    let start = number * batchSize
                    for index in indices[start..<min(start + batchSize, indices.count)] { try row(source[index])?.writeCopyLine(&line) }
                    return line.take()
                }
                try enqueue(number, outcome)
                if case .failure = outcome { break }
            }
        } catch {
            // Stopped.
        }
    }

    private func enqueue(_ number: Int, _ batch: Result<[UInt8], any Error>) throws {
        condition.lock()
        defer { condition.unlock() }
        while number >= next + Self.capacity, !stopping { condition.wait() }
        if stopping { throw Stopped() }
        batches[number] = batch
        condition.broadcast()
    }
}

extension RowCopyPipeline where Source == Row {
    /// Sends the COPY lines of `rows` through `send`, in order.
    static func send(_ rows: [Row], batchSize: Int = 250, _ send: ([UInt8]) throws -> Void) throws {
        try self.send(rows, Array(rows.indices), row: { $0 }, batchSize: batchSize, send)
    }
}
