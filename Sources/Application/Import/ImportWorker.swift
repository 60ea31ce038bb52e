import Dispatch
import Synchronization

/// Work started on another thread and collected later: the import prepares its next batch
/// (pure work: deciding, hashing, encoding) while the database appends the current one.
/// The body must not touch the connection.
final class ImportWorker<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let result = Result { try body() }
            outcome.withLock { $0 = result }
            done.signal()
        }
    }

    /// Blocks until the body has finished; returns its value or rethrows its error.
    func wait() throws -> Value {
        done.wait()
        done.signal()
        guard let result = outcome.withLock({ $0 }) else { preconditionFailure("signalled without a result") }
        return try result.get()
    }
}
