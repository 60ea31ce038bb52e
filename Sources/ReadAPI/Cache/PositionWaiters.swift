import Dispatch
import Foundation
import Synchronization

/// Requests parked by `?min_position=n` until the cache reaches n or their deadline passes.
/// A thread of its own runs each parked request's answer, never a loop thread.
final class PositionWaiters: Sendable {
    private struct Waiter {
        let position: Int64
        let deadline: DispatchTime
        let answer: @Sendable () -> Void
    }

    private struct State {
        var waiters: [Waiter] = []
        var isStopped = false
    }

    private let current: @Sendable () -> Int64
    private let limit: Int
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    /// `current` reads the position the cache has reached.
    init(limit: Int = 10_000, current: @escaping @Sendable () -> Int64) {
        (self.limit, self.current) = (limit, current)
    }

    func start() {
        finished.enter()
        let thread = Thread { [self] in
            run()
            finished.leave()
        }
        thread.name = "readapi-waiters"
        thread.start()
    }

    /// Parks `answer` until the position reaches `position` or `timeout` passes. When too many
    /// wait already, or the server stops, it answers at once with what there is.
    func park(until position: Int64, timeout: Duration, answer: @escaping @Sendable () -> Void) {
        let nanoseconds = Int(timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        let waiter = Waiter(position: position, deadline: .now() + .nanoseconds(nanoseconds), answer: answer)
        let parked = state.withLock { state -> Bool in
            guard !state.isStopped, state.waiters.count < limit else { return false }
            state.waiters.append(waiter)
            return true
        }
        if parked { wakeup.signal() } else { answer() }
    }

    /// Called by the refresher after each pass.
    func positionAdvanced() { wakeup.signal() }

    func stop() {
        state.withLock { $0.isStopped = true }
        wakeup.signal()
        finished.wait()
    }

    private func run() {
        while true {
            let position = current()
            let now = DispatchTime.now()
            let (ready, nextDeadline, isStopped) = state.withLock { state -> ([Waiter], DispatchTime?, Bool) in
                var ready: [Waiter] = []
                state.waiters.removeAll { waiter in
                    let isReady = state.isStopped || waiter.position <= position || waiter.deadline <= now
                    if isReady { ready.append(waiter) }
                    return isReady
                }
                return (ready, state.waiters.map(\.deadline).min(), state.isStopped)
            }
            for waiter in ready { waiter.answer() }
            if isStopped { return }
            _ = wakeup.wait(timeout: nextDeadline ?? .now() + .seconds(1))
        }
    }
}
