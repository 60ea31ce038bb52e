import Synchronization

/// Handles one request on the loop thread. It must not block; it answers through the
/// responder, now or later from any thread.
public typealias Handler = @Sendable (Request, Responder) -> Void

/// The way to answer one request. `send` may be called once, from any thread, now or
/// later; later calls are ignored. Answers sent while the handler still runs are
/// written without waking the loop.
public final class Responder: Sendable {
    private struct State {
        var isSent = false
        var isInline = true
        var inlineResponse: Response?
        var logPath: String?
    }

    /// Where an answer sent after `finishInline()` goes.
    private enum Destination: Sendable {
        /// The loop that owns the connection, through its inbox (no closure to allocate per request).
        case loop(LoopInbox, connection: UInt64, sequence: UInt64)
        case callback(@Sendable (Response) -> Void)
    }

    private let state: Mutex<State>
    private let destination: Destination

    /// A responder for one request on a loop's connection; later answers are posted to `inbox`.
    init(inbox: LoopInbox, connection: UInt64, sequence: UInt64) {
        self.destination = .loop(inbox, connection: connection, sequence: sequence)
        self.state = Mutex(State())
    }

    /// Like a loop's responder (answers sent while the handler runs are inline), but later
    /// answers go to `deliverLater` (tests).
    init(deliverLater: @escaping @Sendable (Response) -> Void) {
        self.destination = .callback(deliverLater)
        self.state = Mutex(State())
    }

    /// A responder outside any server, for running handlers in-process (tests):
    /// `onSend` receives the one answer, on the thread that sent it.
    public init(onSend: @escaping @Sendable (Response) -> Void) {
        self.destination = .callback(onSend)
        self.state = Mutex(State(isInline: false))
    }

    private func deliverLater(_ response: Response) {
        switch destination {
        case .loop(let inbox, let connection, let sequence):
            inbox.post(.response(connection: connection, sequence: sequence, response))
        case .callback(let onSend):
            onSend(response)
        }
    }

    /// Answers the request. Only the first call counts.
    public func send(_ response: Response) {
        let isLater = state.withLock { state -> Bool in
            guard !state.isSent else { return false }
            state.isSent = true
            if state.isInline {
                state.inlineResponse = response
                return false
            }
            return true
        }
        if isLater { deliverLater(response) }
    }

    /// The path to show in the access log instead of the raw path (routes redact secrets here).
    public var logPath: String? {
        get { state.withLock { $0.logPath } }
        set { state.withLock { $0.logPath = newValue } }
    }

    /// Whether an answer was already sent.
    public var isSent: Bool { state.withLock { $0.isSent } }

    /// Called once the handler returns: the answer it sent meanwhile, if any. Later
    /// answers go to `deliverLater`.
    func finishInline() -> Response? {
        state.withLock { state in
            state.isInline = false
            return state.inlineResponse
        }
    }
}
