import Dispatch
import Glibc

extension HTTPServer {
    /// Stops accepting, lets in-flight answers finish (each with `Connection: close`) for
    /// up to `gracePeriod`, closes every connection and joins the loop threads.
    /// Blocks; never call it from a handler (a loop thread cannot wait for itself).
    public func stop(gracePeriod: Duration) {
        let inboxes = state.withLock { state -> [LoopInbox] in
            guard case .running = state.phase else { return [] }
            state.phase = .stopping
            return state.inboxes
        }
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(gracePeriod)
        for inbox in inboxes { inbox.post(.stop(deadline: deadline)) }
        waitUntilStopped()
        state.withLock { $0.phase = .stopped }
    }

    /// Blocks until every loop thread has ended (returns at once if never started).
    public func waitUntilStopped() {
        running.wait()
    }

    /// Calls `onSignal` (on a thread of its own, never in signal context) on the first SIGINT
    /// or SIGTERM; a second one ends the process (exit 130). Once per process.
    /// The usual reaction is `stop(gracePeriod:)`.
    public func installSignalHandlers(_ onSignal: @escaping @Sendable () -> Void) {
        StopSignals.install(onSignal)
    }
}
