import CLinux

extension EventLoop {
    /// Cuts stalled heads, idle keep-alive connections, stalled readers and finished drains.
    func sweep() {
        resumeListenerIfDue()
        var expired: [Connection] = []
        var stalledHeads: [Connection] = []
        for connection in connections.values {
            let quiet = now &- connection.lastActivity
            if connection.pendingOutput > 0 {
                if quiet >= idleTimeout { expired.append(connection) }
                continue
            }
            switch connection.phase {
            case .awaitingHead:
                if let started = connection.headStartedAt {
                    if now &- started >= headerTimeout { stalledHeads.append(connection) }
                } else if now &- connection.idleSince >= idleTimeout {
                    expired.append(connection)
                }
            case .draining(let deadline):
                if now >= deadline { expired.append(connection) }
            case .awaitingResponse, .closingAfterWrite:
                break
            }
        }
        for connection in expired { close(connection) }
        for connection in stalledHeads {
            // Best effort: tell the client why, then cut it.
            var bytes: [UInt8] = []
            let response = Response.problem(
                status: 408, detail: "The request head did not arrive in time.")
            ResponseSerializer.write(
                serverMade(response), headOnly: false, keepAlive: false, date: date.bytes(), into: &bytes)
            _ = bytes.withUnsafeBytes { clinux_send(connection.fd, $0.baseAddress, $0.count) }
            log(
                method: "-", path: "-", status: 408, bytes: bytes.count,
                startedAt: connection.headStartedAt ?? now)
            close(connection)
        }
    }
}
