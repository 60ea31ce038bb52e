import HTTP

/// The HTTP read endpoint: the HTTP server, the routes, and the threads that keep the documents
/// in memory (refresher, cold-load workers, `?min_position` waiters). Loop threads never touch
/// the database.
public final class ReadAPIServer: Sendable {
    public let configuration: ReadAPIConfiguration
    private let cache: DocumentCache
    private let refresher: CacheRefresher
    private let loader: ColdLoader
    private let waiters: PositionWaiters
    private let http: HTTPServer

    public init(configuration: ReadAPIConfiguration) {
        self.configuration = configuration
        let cache = DocumentCache(capacity: configuration.agendaCapacity)
        let waiters = PositionWaiters { cache.position }
        let loader = ColdLoader(url: configuration.databaseURL, cache: cache, threads: configuration.loaders)
        self.cache = cache
        self.waiters = waiters
        self.loader = loader
        self.refresher = CacheRefresher(
            url: configuration.databaseURL, runsProjector: configuration.runsProjector, cache: cache, waiters: waiters,
            poll: configuration.poll, log: configuration.log)
        var accessLog: (@Sendable (AccessLogEntry) -> Void)?
        if let write = configuration.accessLog {
            accessLog = { entry in
                let path = LogRedaction.redact(entry.path)
                write(
                    AccessLogEntry(
                        method: entry.method, path: path, status: entry.status, bytes: entry.bytes, microseconds: entry.microseconds
                    ).line)
            }
        }
        let http = HTTPServer.Configuration(
            host: configuration.host, port: configuration.port, loops: configuration.loops, maxConnections: configuration.maxConnections,
            headerTimeout: configuration.headerTimeout, idleTimeout: configuration.idleTimeout,
            accessLog: accessLog,
            serverHeaders: {
                // CONTRACT: every answer carries the position, the server's own refusals too.
                [("X-Projection-Position", String(cache.position)), ("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
            })
        self.http = HTTPServer(configuration: http, handler: ReadRoutes(cache: cache, loader: loader, waiters: waiters).handler)
    }

    /// Binds (throws `SystemError`, e.g. EADDRINUSE for a busy port), loads the documents (waiting
    /// up to `loadTimeout` for the first pass; a database that is down is retried in the
    /// background while `/health` says 503), and starts serving.
    public func start(loadTimeout: Duration = .seconds(60)) throws {
        try http.start()
        waiters.start()
        loader.start()
        refresher.start()
        refresher.waitForFirstPass(timeout: loadTimeout)
    }

    /// The bound port.
    public var port: Int { http.port }

    /// The position the served documents reflect.
    public var position: Int64 { cache.position }

    /// Agendas held in memory.
    public var cachedAgendas: Int { cache.agendaCount }

    /// Stops accepting, finishes in-flight answers within `gracePeriod`, then stops the threads.
    public func stop(gracePeriod: Duration = .seconds(5)) {
        waiters.stop()
        http.stop(gracePeriod: gracePeriod)
        loader.stop()
        refresher.stop()
    }

    /// Calls `onSignal` on SIGINT or SIGTERM (on a Dispatch queue).
    public func installSignalHandlers(_ onSignal: @escaping @Sendable () -> Void) {
        http.installSignalHandlers(onSignal)
    }

    public func waitUntilStopped() {
        http.waitUntilStopped()
    }
}
