import CLinux
import Glibc

extension EventLoop {
    func handle(_ connection: Connection, events: UInt32) {
        if events & CLINUX_EPOLLERR != 0 {
            close(connection)
            return
        }
        if events & CLINUX_EPOLLOUT != 0 {
            flush(connection)
            if connection.isClosed { return }
        }
        if events & (CLINUX_EPOLLIN | CLINUX_EPOLLRDHUP | CLINUX_EPOLLHUP) != 0 {
            read(connection)
            if connection.isClosed { return }
        }
        if events & CLINUX_EPOLLHUP != 0 {
            // Both directions are gone: nothing more can be written.
            close(connection)
            return
        }
        service(connection)
    }

    /// Parses and answers what is buffered, writes what it can, and updates the interest set.
    func service(_ connection: Connection) {
        while true {
            let heldBack = advance(connection)
            if connection.isClosed { return }
            flush(connection)
            if connection.isClosed { return }
            // Parsing paused for a full output buffer that is now drained: the next
            // pipelined head is already buffered and no read event will announce it.
            if heldBack && connection.pendingOutput < Self.maxPendingOutput { continue }
            break
        }
        updateInterest(connection)
    }

    private func read(_ connection: Connection) {
        for _ in 0..<4 {
            let count = clinux_recv(connection.fd, scratch.baseAddress, scratch.count)
            if count > 0 {
                connection.lastActivity = now
                if case .draining = connection.phase { continue }
                connection.parser.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                if count < scratch.count { break }
                continue
            }
            if count == 0 {
                connection.peerClosedRead = true
                break
            }
            let error = clinux_errno()
            if error == EINTR { continue }
            if error == EAGAIN || error == EWOULDBLOCK { break }
            close(connection)
            return
        }
        if case .draining = connection.phase, connection.peerClosedRead { close(connection) }
    }

    /// Returns true when it stopped only because too much output is waiting.
    private func advance(_ connection: Connection) -> Bool {
        while connection.isAwaitingHead, !connection.stopRequested {
            if connection.pendingOutput >= Self.maxPendingOutput { return true }
            switch connection.parser.next() {
            case .needMoreData:
                if connection.parser.bufferedByteCount == 0 {
                    connection.headStartedAt = nil
                } else if connection.headStartedAt == nil {
                    connection.headStartedAt = now
                }
                return false
            case .failure(let error):
                connection.headStartedAt = nil
                queueFinal(connection, response: error.response)
                return false
            case .request(let parsed):
                connection.headStartedAt = nil
                start(parsed, on: connection)
            }
        }
        return false
    }

    private func start(_ parsed: ParsedRequest, on connection: Connection) {
        let request = parsed.request
        let sequence = connection.nextSequence
        connection.nextSequence += 1
        let isHead = request.method == "HEAD"
        if parsed.hasBody {
            let response: Response
            if isHead || request.method == "GET" {
                response = .problem(status: 413, detail: "Requests with a body are not accepted.")
            } else {
                response = .problem(
                    status: 405,
                    detail: "The method \(request.method) is not allowed here.",
                    headers: [("Allow", configuration.allowedMethods)]
                )
            }
            let inFlight = InFlightRequest(
                sequence: sequence, method: request.method, rawPath: request.rawPath, keepAlive: false,
                isHead: isHead, startedAt: MonotonicClock.now(), responder: nil)
            complete(connection, inFlight: inFlight, response: serverMade(response))
            return
        }
        let responder = Responder(inbox: inbox, connection: connection.id, sequence: sequence)
        let inFlight = InFlightRequest(
            sequence: sequence, method: request.method, rawPath: request.rawPath,
            keepAlive: parsed.keepAlive,
            isHead: isHead, startedAt: MonotonicClock.now(), responder: responder)
        connection.phase = .awaitingResponse(inFlight)
        handler(request, responder)
        if let response = responder.finishInline() {
            complete(connection, inFlight: inFlight, response: response)
        }
    }

    /// Queues the answer to the in-flight request and moves to the next phase.
    func complete(_ connection: Connection, inFlight: InFlightRequest, response: Response) {
        let keepAlive = inFlight.keepAlive && !connection.stopRequested
        let bytes = ResponseSerializer.write(
            response, headOnly: inFlight.isHead, keepAlive: keepAlive, date: date.bytes(),
            into: &connection.out)
        connection.phase = keepAlive ? .awaitingHead : .closingAfterWrite
        connection.lastActivity = now
        connection.idleSince = now
        log(
            method: inFlight.method, path: inFlight.responder?.logPath ?? inFlight.rawPath,
            status: response.status, bytes: bytes, startedAt: inFlight.startedAt)
    }

    /// An answer to a head that could not be parsed; the connection closes after it.
    private func queueFinal(_ connection: Connection, response: Response) {
        let bytes = ResponseSerializer.write(
            serverMade(response), headOnly: false, keepAlive: false, date: date.bytes(),
            into: &connection.out)
        connection.phase = .closingAfterWrite
        log(method: "-", path: "-", status: response.status, bytes: bytes, startedAt: now)
    }

    /// An answer the server made itself, with the configured extra headers.
    func serverMade(_ response: Response) -> Response {
        guard let extra = configuration.serverHeaders?(), !extra.isEmpty else { return response }
        var response = response
        response.headers.append(contentsOf: extra)
        return response
    }

    func log(method: String, path: String, status: Int, bytes: Int, startedAt: UInt64) {
        guard let accessLog = configuration.accessLog else { return }
        let elapsed = MonotonicClock.now() &- startedAt
        accessLog(
            AccessLogEntry(
                method: method, path: path, status: status, bytes: bytes,
                microseconds: Int(elapsed > 1 << 62 ? 0 : elapsed / 1000)))
    }

    func flush(_ connection: Connection) {
        while connection.pendingOutput > 0 {
            let sent = connection.out.withUnsafeBytes { bytes in
                clinux_send(
                    connection.fd, bytes.baseAddress.map { $0 + connection.outOffset },
                    connection.pendingOutput)
            }
            if sent > 0 {
                connection.outOffset += sent
                connection.lastActivity = now
                continue
            }
            let error = clinux_errno()
            if sent < 0 && error == EINTR { continue }
            if sent < 0 && (error == EAGAIN || error == EWOULDBLOCK) { return }
            close(connection)
            return
        }
        if connection.outOffset > 0 {
            connection.out.removeAll(keepingCapacity: connection.out.capacity <= 64 * 1024)
            connection.outOffset = 0
        }
        switch connection.phase {
        case .closingAfterWrite:
            beginDrain(connection)
        case .awaitingHead where connection.peerClosedRead || connection.stopRequested:
            close(connection)
        default:
            break
        }
    }

    /// Half-close and discard input for a short while so the peer reads the last answer.
    private func beginDrain(_ connection: Connection) {
        guard !connection.peerClosedRead, clinux_shutdown_write(connection.fd) == 0 else {
            close(connection)
            return
        }
        let linger = min(idleTimeout, 2_000_000_000)
        connection.phase = .draining(deadline: now + linger)
    }

    private func updateInterest(_ connection: Connection) {
        var wantsRead = false
        if !connection.peerClosedRead {
            switch connection.phase {
            case .awaitingHead: wantsRead = connection.pendingOutput < Self.maxPendingOutput
            case .awaitingResponse:
                wantsRead = connection.parser.bufferedByteCount < Self.maxBufferedInput
            case .draining: wantsRead = true
            case .closingAfterWrite: wantsRead = false
            }
        }
        var events: UInt32 = wantsRead ? CLINUX_EPOLLIN | CLINUX_EPOLLRDHUP : 0
        if connection.pendingOutput > 0 { events |= CLINUX_EPOLLOUT }
        guard events != connection.interest else { return }
        if clinux_epoll_ctl(epollFD, 3, connection.fd, events, connection.id) == 0 {
            connection.interest = events
        } else {
            close(connection)
        }
    }

    func close(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        connections[connection.id] = nil
        Glibc.close(connection.fd)
        budget.release()
    }
}
