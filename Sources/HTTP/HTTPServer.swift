import CLinux
import Dispatch
import Foundation
import Synchronization

/// A small HTTP/1.1 server: one epoll loop thread per core, each with its own
/// SO_REUSEPORT listener. Handlers run on loop threads and must not block; they answer
/// through a `Responder`, possibly later and from any thread.
public final class HTTPServer: Sendable {
    enum Phase {
        case idle, running, stopping, stopped
    }

    struct State {
        var phase = Phase.idle
        var port = 0
        var inboxes: [LoopInbox] = []
    }

    public let configuration: Configuration
    private let handler: Handler
    let state = Mutex(State())
    let running = DispatchGroup()
    private let budget: ConnectionBudget

    public init(configuration: Configuration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
        self.budget = ConnectionBudget(limit: configuration.maxConnections)
    }

    /// The bound port (useful with `port: 0`); 0 before `start()`.
    public var port: Int { state.withLock { $0.port } }

    /// Open connections across all loops.
    public var connectionCount: Int { budget.count }

    /// Binds every loop's listener, starts the loop threads and returns.
    /// Throws `SystemError` when the port is taken or a socket cannot be made.
    public func start() throws {
        clinux_ignore_sigpipe()
        _ = clinux_raise_fd_limit()
        let alreadyStarted = state.withLock { state -> Bool in
            guard case .idle = state.phase else { return true }
            state.phase = .running
            return false
        }
        if alreadyStarted { return }
        var listeners: [Int32] = []
        var loops: [(listenFD: Int32, epollFD: Int32, inbox: LoopInbox)] = []
        let port: Int
        do {
            (listeners, port) = try bindListeners()
            for listenFD in listeners {
                let inbox = try LoopInbox()
                do {
                    loops.append((listenFD, try EventLoop.makeEpoll(listenFD: listenFD, inbox: inbox), inbox))
                } catch {
                    inbox.close()
                    throw error
                }
            }
        } catch {
            for listenFD in listeners { close(listenFD) }
            for loop in loops {
                loop.inbox.close()
                close(loop.epollFD)
            }
            state.withLock { $0.phase = .idle }
            throw error
        }
        state.withLock {
            $0.inboxes = loops.map(\.inbox)
            $0.port = port
        }
        for (index, loop) in loops.enumerated() {
            running.enter()
            let (configuration, handler, budget, running) = (configuration, handler, budget, running)
            let thread = Thread {
                EventLoop(
                    index: index, epollFD: loop.epollFD, listenFD: loop.listenFD, inbox: loop.inbox,
                    budget: budget, configuration: configuration, handler: handler
                ).run()
                running.leave()
            }
            thread.name = "http-loop-\(index)"
            thread.start()
        }
    }

    /// Throws `SystemError` (EADDRINUSE for a busy port, another errno for an address that
    /// cannot be had) when `host:port` cannot be listened on right now; binds nothing lasting.
    /// Port 0 only checks the address. Lets a program refuse a busy port before slow work.
    public static func probe(host: String, port: Int) throws(SystemError) {
        guard (0...65_535).contains(port) else {
            throw SystemError("bind \(host):\(port)", errno: EINVAL)
        }
        var ignored: Int32 = 0
        let probe = clinux_listen(host, Int32(port), 0, 0, &ignored)
        guard probe >= 0 else { throw SystemError("bind \(host):\(port)", errno: clinux_errno()) }
        close(probe)
    }

    private func bindListeners() throws(SystemError) -> ([Int32], Int) {
        let count = max(1, configuration.loops)
        var port = Int32(clamping: configuration.port)
        // SO_REUSEPORT would happily share a port with another server of ours:
        // probe without it first so that a busy port is refused.
        try Self.probe(host: configuration.host, port: configuration.port)
        var listeners: [Int32] = []
        for _ in 0..<count {
            var bound: Int32 = 0
            let fd = clinux_listen(configuration.host, port, 4096, 1, &bound)
            guard fd >= 0 else {
                let error = SystemError("listen \(configuration.host):\(port)", errno: clinux_errno())
                for listener in listeners { close(listener) }
                throw error
            }
            port = bound
            listeners.append(fd)
        }
        return (listeners, Int(port))
    }
}
