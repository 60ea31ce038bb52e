import Foundation

/// Where an embedded cluster lives and whether its server is up (`citylab db status`).
public struct EmbeddedClusterStatus: Sendable, Equatable {
    public let home: URL
    public let dataDirectory: URL
    public let socketDirectory: URL
    public let logFile: URL
    /// The URL commands use (see `EmbeddedCluster.url`).
    public let url: String
    /// The bootstrap superuser's URL, only for the cluster's owner and root (nil for anyone else).
    public let superuserURL: String?
    /// The login role this process connects as.
    public let login: String
    /// How clients are authenticated, in words.
    public let authentication: String
    public let isInitialized: Bool
    public let isRunning: Bool
    /// The postmaster's process id while running.
    public let pid: Int32?
    /// The unprivileged user the server runs as when we are root; nil otherwise.
    public let serverUser: String?
    /// Why a directory is not where one would look first (relocated data dir, short socket dir).
    public let notes: [String]
}
