import Foundation

/// Where an embedded cluster lives and whether its server is up (`citylab db status`).
public struct EmbeddedClusterStatus: Sendable, Equatable {
    public let home: URL
    public let dataDirectory: URL
    public let socketDirectory: URL
    public let logFile: URL
    public let url: String
    public let isInitialized: Bool
    public let isRunning: Bool
    /// The postmaster's process id while running.
    public let pid: Int32?
    /// The unprivileged user the server runs as when we are root; nil otherwise.
    public let serverUser: String?
    /// Why a directory is not where one would look first (relocated data dir, short socket dir).
    public let notes: [String]
}
