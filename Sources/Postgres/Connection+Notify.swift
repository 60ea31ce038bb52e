import CLibPQ
import Foundation

extension Connection {
    /// Subscribes this connection to `channel` (quoted as an identifier, so any name is safe).
    public func listen(_ channel: String) throws {
        try simpleQuery("LISTEN " + SQLIdentifier.quote(channel))
    }

    public func unlisten(_ channel: String) throws {
        try simpleQuery("UNLISTEN " + SQLIdentifier.quote(channel))
    }

    /// Sends a notification; delivered at commit when inside a transaction.
    public func notify(_ channel: String, payload: String = "") throws {
        try execute("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// The next notification for a LISTENed channel, waiting at most `timeout`; nil on timeout.
    /// Throws `.connection` if the connection breaks while waiting.
    public func waitForNotification(timeout: Duration) throws -> Notification? {
        let handle = try openHandle()
        let deadline = ContinuousClock.now + timeout
        while true {
            // Trap: drain PQnotifies before polling. Notifications that arrived during an earlier
            // query already sit in libpq's queue, and poll() on the socket would never see them.
            if let notification = nextQueuedNotification(handle) { return notification }
            let socket = PQsocket(handle)
            guard socket >= 0 else { throw lastError(.connection) }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Self.milliseconds(until: deadline))
            if ready < 0 {
                let code = errno
                if code == EINTR { continue }
                throw PostgresError(.notification, "poll() on the connection failed: \(String(cString: strerror(code)))")
            }
            if ready == 0 {
                if ContinuousClock.now >= deadline { return nil }
                continue
            }
            guard PQconsumeInput(handle) == 1 else { throw lastError(.connection) }
        }
    }

    private func nextQueuedNotification(_ handle: OpaquePointer) -> Notification? {
        guard let notify = PQnotifies(handle) else { return nil }
        defer { PQfreemem(notify) }
        return Notification(
            channel: String(cString: notify.pointee.relname),
            payload: notify.pointee.extra.map { String(cString: $0) } ?? "",
            backendPID: notify.pointee.be_pid)
    }

    /// Time left before `deadline`, rounded up to whole milliseconds, for poll().
    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }
}
