import Synchronization

/// A thread-safe list of ints for ordering assertions.
final class OrderLog: Sendable {
    private let storage = Mutex<[Int]>([])

    func append(_ value: Int) {
        storage.withLock { $0.append(value) }
    }

    var values: [Int] { storage.withLock { $0 } }
}
