import CLinux
import Glibc

/// One epoll loop on its own thread, with its own SO_REUSEPORT listener. Created and
/// run inside that thread; nothing here is touched from elsewhere (other threads talk
/// to it through `LoopInbox`).
final class EventLoop {
    static let listenerToken: UInt64 = 0
    static let inboxToken: UInt64 = 1
    static let scratchSize = 64 * 1024
    /// Stop parsing pipelined requests while this much output waits.
    static let maxPendingOutput = 256 * 1024
    /// Stop reading while a request is in flight and this much input waits.
    static let maxBufferedInput = 64 * 1024

    let configuration: HTTPServer.Configuration
    let handler: Handler
    let inbox: LoopInbox
    let budget: ConnectionBudget
    let epollFD: Int32
    var listenFD: Int32
    var connections: [UInt64: Connection] = [:]
    var nextConnectionID: UInt64
    var date = HTTPDate()
    let scratch: UnsafeMutableRawBufferPointer
    var now: UInt64
    var stopDeadline: UInt64?
    var listenerPausedUntil: UInt64?
    var lastSweep: UInt64
    let headerTimeout: UInt64
    let idleTimeout: UInt64
    let sweepInterval: UInt64

    /// An epoll instance watching the listener and the inbox; made before the loop
    /// thread starts so that failures surface from `HTTPServer.start()`.
    static func makeEpoll(listenFD: Int32, inbox: LoopInbox) throws(SystemError) -> Int32 {
        let epollFD = clinux_epoll_create()
        guard epollFD >= 0 else { throw SystemError("epoll_create1", errno: clinux_errno()) }
        guard clinux_epoll_ctl(epollFD, 1, listenFD, CLINUX_EPOLLIN, Self.listenerToken) == 0,
            clinux_epoll_ctl(epollFD, 1, inbox.eventFD, CLINUX_EPOLLIN, Self.inboxToken) == 0
        else {
            let error = SystemError("epoll_ctl add", errno: clinux_errno())
            Glibc.close(epollFD)
            throw error
        }
        return epollFD
    }

    /// Built inside the loop's own thread, which then calls `run()`.
    init(
        index: Int,
        epollFD: Int32,
        listenFD: Int32,
        inbox: LoopInbox,
        budget: ConnectionBudget,
        configuration: HTTPServer.Configuration,
        handler: @escaping Handler
    ) {
        self.epollFD = epollFD
        self.listenFD = listenFD
        self.inbox = inbox
        self.budget = budget
        self.configuration = configuration
        self.handler = handler
        self.nextConnectionID = UInt64(index + 1) << 40
        self.scratch = .allocate(byteCount: Self.scratchSize, alignment: 16)
        self.now = MonotonicClock.now()
        self.lastSweep = now
        self.headerTimeout = MonotonicClock.nanoseconds(configuration.headerTimeout)
        self.idleTimeout = MonotonicClock.nanoseconds(configuration.idleTimeout)
        let shortest = min(headerTimeout, idleTimeout) / 4
        self.sweepInterval = min(max(shortest, 5_000_000), 250_000_000)
    }

    deinit {
        scratch.deallocate()
    }

    /// Runs until a stop message arrives and every connection is done (or the grace ends).
    func run() {
        var tokens = [UInt64](repeating: 0, count: 256)
        var flags = [UInt32](repeating: 0, count: 256)
        while true {
            now = MonotonicClock.now()
            if let stopDeadline, connections.isEmpty || now >= stopDeadline { break }
            let count = clinux_epoll_wait(epollFD, &tokens, &flags, 256, waitMilliseconds())
            now = MonotonicClock.now()
            if count < 0 {
                if clinux_errno() == EINTR { continue }
                break
            }
            for index in 0..<Int(count) {
                dispatch(token: tokens[index], events: flags[index])
            }
            if now &- lastSweep >= sweepInterval {
                lastSweep = now
                sweep()
            }
        }
        shutDown()
    }

    private func waitMilliseconds() -> Int32 {
        var wait = sweepInterval &- min(sweepInterval, now &- lastSweep)
        if let stopDeadline { wait = min(wait, stopDeadline &- min(stopDeadline, now)) }
        return Int32(clamping: (wait + 999_999) / 1_000_000)
    }

    private func dispatch(token: UInt64, events: UInt32) {
        switch token {
        case Self.listenerToken:
            acceptConnections()
        case Self.inboxToken:
            for message in inbox.take() { receive(message) }
        default:
            guard let connection = connections[token] else { return }
            handle(connection, events: events)
        }
    }

    private func receive(_ message: LoopInbox.Message) {
        switch message {
        case .response(let id, let sequence, let response):
            guard let connection = connections[id],
                case .awaitingResponse(let inFlight) = connection.phase,
                inFlight.sequence == sequence
            else { return }
            complete(connection, inFlight: inFlight, response: response)
            service(connection)
        case .stop(let deadline):
            beginStop(deadline: deadline)
        }
    }

    private func beginStop(deadline: UInt64) {
        stopDeadline = deadline
        closeListener()
        for connection in Array(connections.values) {
            connection.stopRequested = true
            if connection.isAwaitingHead && connection.pendingOutput == 0 {
                close(connection)
            }
        }
    }

    func closeListener() {
        guard listenFD >= 0 else { return }
        _ = clinux_epoll_ctl(epollFD, 2, listenFD, 0, Self.listenerToken)
        Glibc.close(listenFD)
        listenFD = -1
    }

    private func shutDown() {
        for connection in Array(connections.values) { close(connection) }
        closeListener()
        inbox.close()
        Glibc.close(epollFD)
    }
}
