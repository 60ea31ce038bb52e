import Foundation

extension HTTPServer {
    /// How the server binds, how many loops it runs, and its limits.
    public struct Configuration: Sendable {
        /// A numeric address or a name; "127.0.0.1" by default.
        public var host: String
        /// 0 picks a free port; read it back from `HTTPServer.port`.
        public var port: Int
        /// Event-loop threads, each with its own SO_REUSEPORT listener.
        public var loops: Int
        /// Open connections across all loops; beyond it new ones get 503 and are closed.
        public var maxConnections: Int
        /// A client that has started a head must finish it within this time.
        public var headerTimeout: Duration
        /// A keep-alive connection with no request (or a stalled reader) is closed after this.
        public var idleTimeout: Duration
        /// Longest request line in bytes (414 beyond).
        public var maxRequestLine: Int
        /// Largest header section in bytes (431 beyond).
        public var maxHeaderBytes: Int
        /// The `Allow` value for requests refused with 405 before routing (those with a body).
        public var allowedMethods: String
        /// Called on a loop thread once per answer; it should be quick (e.g. print to stderr).
        public var accessLog: (@Sendable (AccessLogEntry) -> Void)?
        /// Extra header lines for the answers the server makes itself (400, 405/413 for a body,
        /// 408, 414, 431, 505, 503 at the connection cap); called on a loop thread, keep it quick.
        /// Answers from the handler are left as the handler made them.
        public var serverHeaders: (@Sendable () -> [(String, String)])?

        public init(
            host: String = "127.0.0.1",
            port: Int = 8080,
            loops: Int = ProcessInfo.processInfo.activeProcessorCount,
            maxConnections: Int = 16_384,
            headerTimeout: Duration = .seconds(10),
            idleTimeout: Duration = .seconds(30),
            maxRequestLine: Int = 8192,
            maxHeaderBytes: Int = 8192,
            allowedMethods: String = "GET, HEAD",
            accessLog: (@Sendable (AccessLogEntry) -> Void)? = nil,
            serverHeaders: (@Sendable () -> [(String, String)])? = nil
        ) {
            self.host = host
            self.port = port
            self.loops = loops
            self.maxConnections = maxConnections
            self.headerTimeout = headerTimeout
            self.idleTimeout = idleTimeout
            self.maxRequestLine = maxRequestLine
            self.maxHeaderBytes = maxHeaderBytes
            self.allowedMethods = allowedMethods
            self.accessLog = accessLog
            self.serverHeaders = serverHeaders
        }
    }
}
