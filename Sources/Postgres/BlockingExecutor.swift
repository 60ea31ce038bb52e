import Dispatch
import Synchronization

/// Runs blocking work (libpq calls, file locks, poll) on dedicated serial dispatch queues, never
/// on Swift's cooperative pool, whose few threads would otherwise stall every Task.
/// With `threads: 1` jobs run one at a time, in order, which suits one `Connection`.
public final class BlockingExecutor: Sendable {
    private let queues: [DispatchQueue]
    private let next = Mutex(0)

    public init(label: String = "citylab.blocking", threads: Int = 1) {
        queues = (0..<max(1, threads)).map { DispatchQueue(label: "\(label).\($0)") }
    }

    /// Runs `body` on one of the executor's queues and resumes with its value or error.
    /// Not cancellable: the blocking call runs to its end.
    public func run<T: Sendable>(_ body: @Sendable @escaping () throws -> T) async throws -> T {
        let queue = nextQueue()
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    private func nextQueue() -> DispatchQueue {
        let index = next.withLock { value in
            defer { value = (value + 1) % queues.count }
            return value
        }
        return queues[index]
    }
}
