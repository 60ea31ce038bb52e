import CLinux
import Glibc

extension EventLoop {
    /// Accepts what is pending (bounded per wakeup so one loop cannot starve its clients).
    func acceptConnections() {
        for _ in 0..<128 {
            guard listenFD >= 0 else { return }
            let fd = clinux_accept(listenFD)
            if fd < 0 {
                let error = clinux_errno()
                switch error {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                default:
                    // EMFILE, ENFILE, ENOBUFS, ENOMEM: level-triggered epoll would spin,
                    // so stop watching the listener for a moment.
                    pauseListener()
                    return
                }
            }
            guard budget.tryAcquire() else {
                refuseOverCapacity(fd)
                continue
            }
            nextConnectionID += 1
            let interest = CLINUX_EPOLLIN | CLINUX_EPOLLRDHUP
            let connection = Connection(
                fd: fd,
                id: nextConnectionID,
                parser: RequestParser(
                    maxRequestLine: configuration.maxRequestLine,
                    maxHeaderBytes: configuration.maxHeaderBytes
                ),
                now: now,
                interest: interest
            )
            guard clinux_epoll_ctl(epollFD, 1, fd, interest, connection.id) == 0 else {
                Glibc.close(fd)
                budget.release()
                continue
            }
            connections[connection.id] = connection
        }
    }

    /// Beyond the cap: a best-effort 503, then close.
    private func refuseOverCapacity(_ fd: Int32) {
        var bytes: [UInt8] = []
        let response = Response.problem(
            status: 503,
            detail: "The server is at its connection limit; retry shortly.",
            headers: [("Retry-After", "1")]
        )
        ResponseSerializer.write(
            serverMade(response), headOnly: false, keepAlive: false, date: date.bytes(), into: &bytes)
        _ = bytes.withUnsafeBytes { clinux_send(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
    }

    private func pauseListener() {
        guard listenFD >= 0, listenerPausedUntil == nil else { return }
        _ = clinux_epoll_ctl(epollFD, 3, listenFD, 0, Self.listenerToken)
        listenerPausedUntil = now + 100_000_000
    }

    /// Called from the sweep once the pause is over.
    func resumeListenerIfDue() {
        guard let until = listenerPausedUntil, now >= until else { return }
        listenerPausedUntil = nil
        guard listenFD >= 0 else { return }
        _ = clinux_epoll_ctl(epollFD, 3, listenFD, CLINUX_EPOLLIN, Self.listenerToken)
    }
}
