import Dispatch
import Foundation
import Postgres
import Synchronization

/// Worker threads that read agendas missing from memory, each on a connection of its own, so a
/// loop thread never waits on the database. Requests for the same token hash share one read.
final class ColdLoader: Sendable {
    typealias Completion = @Sendable (Result<LoadedAgenda, any Error>) -> Void

    private struct Queue {
        var order: [String] = []
        var waiting: [String: [Completion]] = [:]
        var isStopped = false
    }

    private let url: String
    private let cache: DocumentCache
    private let maxQueued: Int
    private let queue = Mutex(Queue())
    private let jobs = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    private let threads: Int

    init(url: String, cache: DocumentCache, threads: Int, maxQueued: Int = 4096) {
        (self.url, self.cache, self.threads, self.maxQueued) = (url, cache, max(1, threads), maxQueued)
    }

    func start() {
        for index in 0..<threads {
            finished.enter()
            let thread = Thread { [self] in
                work()
                finished.leave()
            }
            thread.name = "readapi-loader-\(index)"
            thread.start()
        }
    }

    func stop() {
        let pending = queue.withLock { queue -> [Completion] in
            queue.isStopped = true
            defer { queue.waiting.removeAll() }
            return queue.waiting.values.flatMap { $0 }
        }
        for _ in 0..<threads { jobs.signal() }
        for completion in pending { completion(.failure(LoaderStopped())) }
        finished.wait()
    }

    /// Queues a read of `tokenHash`; false (and no call of `completion`) when the queue is full.
    func load(tokenHash: String, completion: @escaping Completion) -> Bool {
        let outcome = queue.withLock { queue -> Bool? in
            guard !queue.isStopped else { return nil }
            if queue.waiting[tokenHash] != nil {
                queue.waiting[tokenHash]?.append(completion)
                return false
            }
            guard queue.order.count < maxQueued else { return nil }
            queue.order.append(tokenHash)
            queue.waiting[tokenHash] = [completion]
            return true
        }
        guard let isNew = outcome else { return false }
        if isNew { jobs.signal() }
        return true
    }

    private func work() {
        var connection: Connection?
        while true {
            jobs.wait()
            let next = queue.withLock { queue -> String?? in
                if queue.isStopped { return .some(nil) }
                return queue.order.isEmpty ? nil : queue.order.removeFirst()
            }
            guard let job = next else { continue }
            guard let tokenHash = job else { break }
            let result = Result { () throws -> LoadedAgenda in
                let live = try connection.flatMap { $0.isOpen ? $0 : nil } ?? ReadConnection.open(url)
                connection = live
                return try ReadModelReader.agenda(tokenHash: tokenHash, live)
            }
            if case .failure = result {
                connection?.close()
                connection = nil
            }
            if case .success(let loaded) = result { cache.keep(loaded) }
            let completions = queue.withLock { $0.waiting.removeValue(forKey: tokenHash) ?? [] }
            for completion in completions { completion(result) }
        }
        connection?.close()
    }
}

/// The server stopped before a queued read ran.
struct LoaderStopped: Error {}
