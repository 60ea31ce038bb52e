import Foundation

/// How `ReadAPIServer` binds, where it reads, and how much it keeps in memory.
public struct ReadAPIConfiguration: Sendable {
    /// The database (a libpq URL); every thread of the server opens its own connection to it.
    public var databaseURL: String
    public var host: String
    /// 0 picks a free port (read it back from `ReadAPIServer.port`).
    public var port: Int
    /// Event-loop threads (one per core by default).
    public var loops: Int
    /// Run the projector in-process (catch up on every NOTIFY) before refreshing the cache.
    public var runsProjector: Bool
    /// Most agendas kept in memory; beyond it agendas are read by workers on demand.
    public var agendaCapacity: Int
    /// Worker threads (each with a connection) for agendas not in memory.
    public var loaders: Int
    /// The refresher's fallback poll when no NOTIFY comes.
    public var poll: Duration
    /// Receives one line per request (tokens redacted); nil for none.
    public var accessLog: (@Sendable (String) -> Void)?
    /// Receives the server's own notes (database lost, projector failures).
    public var log: @Sendable (String) -> Void
    public var headerTimeout: Duration
    public var idleTimeout: Duration
    public var maxConnections: Int

    public init(
        databaseURL: String, host: String = "127.0.0.1", port: Int = 8080, loops: Int = ProcessInfo.processInfo.activeProcessorCount,
        runsProjector: Bool = true, agendaCapacity: Int = 100_000, loaders: Int = 2, poll: Duration = .seconds(1),
        accessLog: (@Sendable (String) -> Void)? = nil, log: @escaping @Sendable (String) -> Void = { _ in },
        headerTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(30), maxConnections: Int = 16_384
    ) {
        (self.databaseURL, self.host, self.port, self.loops) = (databaseURL, host, port, loops)
        (self.runsProjector, self.agendaCapacity, self.loaders, self.poll) = (runsProjector, agendaCapacity, loaders, poll)
        (self.accessLog, self.log) = (accessLog, log)
        (self.headerTimeout, self.idleTimeout, self.maxConnections) = (headerTimeout, idleTimeout, maxConnections)
    }
}
