import Foundation

/// A fixed-size pool of connections to one database, for synchronous callers on their own
/// threads. Connections open lazily; a caller waits (up to `acquireTimeout`) when all are busy.
/// A connection that broke, or came back inside a transaction, is closed instead of reused.
// @unchecked Sendable: all mutable state (`idle`, `openCount`, `isShutDown`) is read and
// written only while holding `condition`'s lock. An idle `Connection` is touched by no thread;
// a borrowed one belongs to exactly one caller until `withConnection` returns it.
public final class ConnectionPool: @unchecked Sendable {
    public let maxConnections: Int
    public let acquireTimeout: Duration
    private let conninfo: String
    private let condition = NSCondition()
    private var idle: [Connection] = []
    private var openCount = 0
    private var isShutDown = false

    public init(_ conninfo: String, maxConnections: Int, acquireTimeout: Duration = .seconds(30)) {
        self.conninfo = conninfo
        self.maxConnections = max(1, maxConnections)
        self.acquireTimeout = acquireTimeout
    }

    deinit {
        shutDown()
    }

    /// Lends a connection to `body` on the calling thread. Throws `.connection` on timeout or a
    /// failed connect, `.closed` after `shutDown()`, and whatever `body` throws.
    public func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        let connection = try acquire()
        var healthy = false
        defer { release(connection, reusable: healthy) }
        do {
            let value = try body(connection)
            healthy = connection.isOpen && !connection.isInTransaction
            return value
        } catch let error as PostgresError where error.kind == .connection || error.kind == .closed {
            throw error
        } catch {
            healthy = connection.isOpen && !connection.isInTransaction
            throw error
        }
    }

    /// Open connections (idle or borrowed) and idle ones.
    public var counts: (open: Int, idle: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (openCount, idle.count)
    }

    /// Closes idle connections now and borrowed ones when they come back; later borrows throw.
    public func shutDown() {
        condition.lock()
        isShutDown = true
        let closing = idle
        idle.removeAll()
        openCount -= closing.count
        condition.broadcast()
        condition.unlock()
        for connection in closing { connection.close() }
    }

    private func acquire() throws -> Connection {
        // Measured on the monotonic clock: a wall clock being slewed must not end the wait early.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: acquireTimeout)
        condition.lock()
        while true {
            if isShutDown {
                condition.unlock()
                throw PostgresError(.closed, "the connection pool is shut down")
            }
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if openCount < maxConnections {
                openCount += 1
                condition.unlock()
                return try connectReserved()
            }
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero {
                condition.unlock()
                throw PostgresError(
                    .connection, "timed out after \(acquireTimeout) waiting for a free connection (pool of \(maxConnections))")
            }
            _ = condition.wait(until: Date().addingTimeInterval(Self.seconds(remaining)))
        }
    }

    /// Opens a connection for a slot already counted in `openCount`, giving the slot back on failure.
    private func connectReserved() throws -> Connection {
        do {
            return try Connection(conninfo)
        } catch {
            condition.lock()
            openCount -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func release(_ connection: Connection, reusable: Bool) {
        condition.lock()
        let keep = reusable && !isShutDown
        if keep {
            idle.append(connection)
        } else {
            openCount -= 1
        }
        condition.signal()
        condition.unlock()
        if !keep { connection.close() }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
