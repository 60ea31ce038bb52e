import Foundation
import Postgres

/// A private PostgreSQL cluster under `$CITYLAB_HOME`: initdb once, a unix socket in its own
/// directory, no TCP, peer authentication (see `ClusterAuthentication`). Safe to start from several
/// processes at once (setup is serialized by a file lock in the home).
public struct EmbeddedCluster: Sendable {
    /// The bootstrap superuser of a new cluster; `StaffLogin` refuses the `citylab_` prefix.
    public static let superuserName = "citylab_superuser"
    public static let databaseName = "citylab"

    public let home: URL
    /// false turns fsync, synchronous_commit and full_page_writes off: for throwaway test clusters.
    public let durable: Bool

    public init(home: URL, durable: Bool = true) {
        self.home = home.standardizedFileURL
        self.durable = durable
    }

    /// `CITYLAB_DURABLE=0` runs the cluster without fsync (throwaway test clusters only).
    public static func isDurable(_ environment: [String: String]) -> Bool {
        environment["CITYLAB_DURABLE"] != "0"
    }

    /// `$CITYLAB_HOME` when set, else `./.citylab`; relative paths resolve against the current directory.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        guard let value = environment["CITYLAB_HOME"], !value.isEmpty else {
            return cwd.appendingPathComponent(".citylab", isDirectory: true)
        }
        return URL(fileURLWithPath: value, isDirectory: true, relativeTo: cwd).standardizedFileURL
    }

    /// The URL commands use: the `citylab` database over the unix socket, as the login role named
    /// like the OS user running this process (peer authentication), never as a superuser.
    public var url: String { loginURL() }

    /// The URL of another database of this cluster, as `url` connects.
    public func url(database: String) -> String { loginURL(database: database) }

    /// As the bootstrap superuser: only the cluster's owner and root get in (peer, `pg_ident.conf`).
    public func superuserURL(database: String = Self.databaseName) -> String {
        url(user: superuser, database: database)
    }

    /// As the login role named like the OS user running this process (peer authentication).
    public func loginURL(database: String = Self.databaseName) -> String {
        url(user: OSUser.currentName, database: database)
    }

    /// The bootstrap superuser's role name: `citylab_superuser`, which no staff login can be;
    /// `citylab` in a cluster made before that name was chosen.
    public var superuser: String { layout.superuser }

    /// Whether this process may act as the cluster's superuser: it is root, or the OS user that
    /// owns the data directory (or will, as there is none yet).
    public var isOwnedByCaller: Bool {
        if ServerUser.isRoot { return true }
        var info = stat()
        guard stat(layout.dataDirectory.path, &info) == 0 else { return true }
        return info.st_uid == geteuid()
    }

    private func url(user: String, database: String) -> String {
        let socket = layout.socketDirectory.path
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encodedDatabase = database.addingPercentEncoding(withAllowedCharacters: allowed) ?? database
        let encodedUser = user.addingPercentEncoding(withAllowedCharacters: allowed) ?? user
        allowed.insert("/")
        let encodedSocket = socket.addingPercentEncoding(withAllowedCharacters: allowed) ?? socket
        return "postgresql://\(encodedUser)@/\(encodedDatabase)?host=\(encodedSocket)&port=\(ClusterLayout.port)"
    }

    /// Where the cluster is and whether it is up. Never starts anything.
    public func status() -> EmbeddedClusterStatus {
        let layout = self.layout
        let pid = runningPID(layout)
        return EmbeddedClusterStatus(
            home: home, dataDirectory: layout.dataDirectory, socketDirectory: layout.socketDirectory,
            logFile: layout.logFile, url: url, superuserURL: isOwnedByCaller ? superuserURL() : nil,
            login: OSUser.currentName, authentication: ClusterAuthentication.summary,
            isInitialized: isInitialized(layout), isRunning: pid != nil, pid: pid,
            serverUser: ServerUser.isRoot ? (ServerUser.lookup("postgres") ?? ServerUser.lookup("citylab"))?.name : nil,
            notes: layout.notes)
    }

    /// Creates a database in the running cluster, optionally as a copy of `template` (which
    /// must have no other connections at that moment).
    public func createDatabase(_ name: String, template: String? = nil) throws {
        let connection = try Connection(superuserURL(database: "postgres"))
        defer { connection.close() }
        var sql = "CREATE DATABASE " + (try SQLIdentifier.quote(name))
        if let template { sql += " TEMPLATE " + (try SQLIdentifier.quote(template)) }
        try connection.simpleQuery(sql)
    }

    var layout: ClusterLayout { ClusterLayout.current(home: home) }

    func isInitialized(_ layout: ClusterLayout) -> Bool {
        FileManager.default.fileExists(atPath: layout.dataDirectory.appendingPathComponent("PG_VERSION").path)
    }

    /// The postmaster's pid from `postmaster.pid`, if that process is alive and is a postgres.
    func runningPID(_ layout: ClusterLayout) -> Int32? {
        let pidFile = layout.dataDirectory.appendingPathComponent("postmaster.pid")
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8),
            let firstLine = text.split(separator: "\n").first, let pid = Int32(firstLine.trimmingCharacters(in: .whitespaces)),
            pid > 0
        else { return nil }
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        if let command = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) {
            return command.hasPrefix("postgres") ? pid : nil
        }
        return pid
    }
}
