import Dispatch
import Foundation
import Postgres
import Projections
import Synchronization

/// The thread that keeps the cache fresh: it LISTENs on `citylab_events`, catches the
/// projections up when the projector runs in-process, reads what changed since the cache's
/// position and applies it, then waits for the next NOTIFY (or `poll`, the fallback). Its
/// connections are its own: one reading as `citylab_reader` (`ReadConnection`), one for the
/// projector; a lost database marks `/health` down and is retried with backoff.
final class CacheRefresher: Sendable {
    private let url: String
    private let runsProjector: Bool
    private let cache: DocumentCache
    private let waiters: PositionWaiters
    private let poll: Duration
    private let log: @Sendable (String) -> Void
    private let stopped = Atomic<Bool>(false)
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()
    /// Signalled once after the first refresh, successful or not.
    private let firstPass = DispatchSemaphore(value: 0)

    init(
        url: String, runsProjector: Bool, cache: DocumentCache, waiters: PositionWaiters, poll: Duration,
        log: @escaping @Sendable (String) -> Void
    ) {
        (self.url, self.runsProjector, self.cache, self.waiters, self.poll, self.log) = (url, runsProjector, cache, waiters, poll, log)
    }

    func start() {
        finished.enter()
        let thread = Thread { [self] in
            run()
            finished.leave()
        }
        thread.name = "readapi-refresher"
        thread.start()
    }

    /// Blocks until the first refresh has been tried or `timeout` passes.
    func waitForFirstPass(timeout: Duration) {
        _ = firstPass.wait(timeout: .now() + .nanoseconds(Int(timeout.components.seconds * 1_000_000_000)))
    }

    /// Stops after the current pass (at most one `poll` while waiting on the database).
    func stop() {
        stopped.store(true, ordering: .releasing)
        wakeup.signal()
        finished.wait()
    }

    private var isStopped: Bool { stopped.load(ordering: .acquiring) }

    private func run() {
        var connection: Connection?
        // The in-process projector writes the read models: its own connection, not the reader's.
        var projector: Connection?
        var failures = 0
        var isFirst = true
        var lastProjectorError = ""
        while !isStopped {
            do {
                let live = try connection.flatMap { $0.isOpen ? $0 : nil } ?? connect()
                connection = live
                if runsProjector {
                    let writer = try projector.flatMap { $0.isOpen ? $0 : nil } ?? Connection(url)
                    projector = writer
                    do {
                        try Projector.catchUpAll(writer)
                        lastProjectorError = ""
                    } catch {
                        // Serve what the read models hold; say so once per distinct failure.
                        if "\(error)" != lastProjectorError { log("projector: \(error); serving the read models as they are") }
                        lastProjectorError = "\(error)"
                        guard writer.isOpen else { throw error }
                    }
                }
                let refresh = try ReadModelReader.refresh(live, since: cache.positions, capacity: cache.capacity)
                cache.apply(refresh)
                waiters.positionAdvanced()
                if failures > 0 { log("read api: the database is back") }
                failures = 0
                if isFirst { firstPass.signal() }
                isFirst = false
                // Without an in-process projector, a NOTIFY comes before the projector has folded
                // the event: look again soon while the projections trail the log.
                let behind = min(refresh.agendasPosition, refresh.programPosition) < refresh.head
                _ = try live.waitForNotification(timeout: behind && !runsProjector ? .milliseconds(50) : poll)
                while try live.waitForNotification(timeout: .zero) != nil {}
            } catch {
                cache.markDatabaseDown()
                if failures == 0 { log("read api: database unavailable (\(error)); retrying") }
                failures += 1
                connection?.close()
                connection = nil
                projector?.close()
                projector = nil
                if isFirst { firstPass.signal() }
                isFirst = false
                waiters.positionAdvanced()
                _ = wakeup.wait(timeout: .now() + .milliseconds(min(2000, 100 << min(failures, 5))))
            }
        }
        connection?.close()
        projector?.close()
    }

    private func connect() throws -> Connection {
        let connection = try ReadConnection.open(url)
        try connection.listen(Projector.channel)
        return connection
    }
}
