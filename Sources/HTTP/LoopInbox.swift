import CLinux
import Glibc
import Synchronization

/// Messages for one event loop from other threads, with an eventfd to wake it.
/// The eventfd is written only under the lock and closed only under the lock, so a
/// late responder can never write into a reused descriptor.
final class LoopInbox: Sendable {
    enum Message: Sendable {
        /// An answer that arrived after its handler returned.
        case response(connection: UInt64, sequence: UInt64, Response)
        /// Stop accepting and finish within the deadline (monotonic nanoseconds).
        case stop(deadline: UInt64)
    }

    private struct State {
        var messages: [Message] = []
        var isClosed = false
    }

    let eventFD: Int32
    private let state = Mutex(State())

    init() throws(SystemError) {
        let fd = clinux_eventfd_create()
        guard fd >= 0 else { throw SystemError("eventfd", errno: clinux_errno()) }
        eventFD = fd
    }

    /// Queues a message; dropped once the loop has ended.
    func post(_ message: Message) {
        state.withLock { state in
            guard !state.isClosed else { return }
            let wasEmpty = state.messages.isEmpty
            state.messages.append(message)
            if wasEmpty { _ = clinux_eventfd_signal(eventFD) }
        }
    }

    /// Everything queued so far (loop thread).
    func take() -> [Message] {
        _ = clinux_eventfd_drain(eventFD)
        return state.withLock { state in
            let messages = state.messages
            state.messages.removeAll()
            return messages
        }
    }

    /// Ends the inbox and closes the eventfd (loop thread, at exit).
    func close() {
        state.withLock { state in
            guard !state.isClosed else { return }
            state.isClosed = true
            state.messages.removeAll()
            _ = Glibc.close(eventFD)
        }
    }
}
