/// One client socket's state, owned and touched only by its loop thread (swift-nio style:
/// an explicit phase, one request in flight, later requests wait in the parser's buffer).
final class Connection {
    enum Phase {
        /// Waiting for (the rest of) the next head.
        case awaitingHead
        /// A handler has the request; nothing else is parsed until it answers.
        case awaitingResponse(InFlightRequest)
        /// The last answer is queued; once written, half-close and drain.
        case closingAfterWrite
        /// Write side shut; reading and discarding until EOF or the deadline, so the
        /// client reads our last answer instead of a reset.
        case draining(deadline: UInt64)
    }

    let fd: Int32
    let id: UInt64
    var parser: RequestParser
    var phase: Phase = .awaitingHead
    /// Bytes queued for the socket; `outOffset` of them are already sent.
    var out: [UInt8] = []
    var outOffset = 0
    /// Last read or write progress (monotonic ns), for the idle and write-stall timeouts.
    var lastActivity: UInt64
    /// Since when the connection has waited for a new request with nothing buffered
    /// (accept or last answer); blank lines do not reset it.
    var idleSince: UInt64
    /// When the current partial head began, if one has begun.
    var headStartedAt: UInt64?
    var nextSequence: UInt64 = 0
    var peerClosedRead = false
    var stopRequested = false
    /// The epoll events currently registered.
    var interest: UInt32
    var isClosed = false

    init(fd: Int32, id: UInt64, parser: RequestParser, now: UInt64, interest: UInt32) {
        self.fd = fd
        self.id = id
        self.parser = parser
        self.lastActivity = now
        self.idleSince = now
        self.interest = interest
    }

    var pendingOutput: Int { out.count - outOffset }

    var isAwaitingHead: Bool {
        if case .awaitingHead = phase { return true }
        return false
    }
}
