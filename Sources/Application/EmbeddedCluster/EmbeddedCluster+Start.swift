import Foundation
import Postgres

extension EmbeddedCluster {
    /// Initializes the cluster if needed, starts it if down, creates the `citylab` database if
    /// missing, and returns `url`. Idempotent; concurrent callers wait on a lock in the home.
    @discardableResult
    public func start(progress: (String) -> Void = { _ in }) throws -> String {
        try Self.makeDirectory(home, mode: 0o755)
        let lock = try FileLock(path: home.appendingPathComponent("cluster.lock"))
        defer { lock.unlock() }
        let binaries = try Self.findServerBinaries()
        let user = try ServerUser.forCurrentProcess()
        let runner = ServerProcessRunner(user: user)
        let layout = try chooseLayout(user: user, progress: progress)
        try prepareDirectories(layout, user: user)
        if !isInitialized(layout) {
            progress("initializing a PostgreSQL cluster in \(layout.dataDirectory.path)")
            try initialize(layout, binaries: binaries, runner: runner)
        }
        try writeConfiguration(layout, user: user)
        let authenticationChanged = try writeAuthentication(layout, user: user)
        if runningPID(layout) != nil, authenticationChanged {
            // A server started by an older citylab (trust) or with other owners: closed now.
            try runner.check(binaries.appendingPathComponent("pg_ctl"), ["reload", "-D", layout.dataDirectory.path, "-s"])
        }
        if runningPID(layout) == nil {
            progress("starting PostgreSQL (log: \(layout.logFile.path))")
            let outcome = try runner.run(
                binaries.appendingPathComponent("pg_ctl"),
                ["start", "-D", layout.dataDirectory.path, "-l", layout.logFile.path, "-w", "-t", "60", "-s"])
            guard outcome.status == 0, runningPID(layout) != nil else {
                throw EmbeddedClusterError.startFailed(logFile: layout.logFile.path, logTail: Self.tail(of: layout.logFile, outcome.output))
            }
        }
        try ensureDatabase(Self.databaseName, progress: progress)
        return url
    }

    /// Stops the server (fast shutdown: sessions are disconnected) if it is running.
    public func stop() throws {
        guard FileManager.default.fileExists(atPath: home.path) else { return }
        let lock = try FileLock(path: home.appendingPathComponent("cluster.lock"))
        defer { lock.unlock() }
        let layout = self.layout
        guard runningPID(layout) != nil else { return }
        let runner = ServerProcessRunner(user: try ServerUser.forCurrentProcess())
        try runner.check(
            try Self.findServerBinaries().appendingPathComponent("pg_ctl"),
            ["stop", "-D", layout.dataDirectory.path, "-m", "fast", "-w", "-t", "60", "-s"])
    }

    /// Keeps a recorded layout; otherwise picks the home, or /var/tmp when the server user cannot reach it.
    private func chooseLayout(user: ServerUser?, progress: (String) -> Void) throws -> ClusterLayout {
        if FileManager.default.fileExists(atPath: ClusterLayout.recordFile(home: home).path) {
            return layout
        }
        var root = home
        if let user, !user.canReach(home) {
            root = ClusterLayout.relocatedRoot(home: home)
            progress("user \(user.name) cannot reach \(home.path); keeping the cluster in \(root.path)")
        }
        let chosen = ClusterLayout(home: home, root: root)
        do {
            try chosen.record()
        } catch {
            throw EmbeddedClusterError.directoryNotWritable(path: home.path, reason: "\(error.localizedDescription)")
        }
        return chosen
    }

    private func prepareDirectories(_ layout: ClusterLayout, user: ServerUser?) throws {
        if layout.isRelocated { try Self.makeDirectory(layout.root, mode: 0o755) }
        try Self.makeDirectory(layout.dataDirectory, mode: 0o700)
        try Self.makeDirectory(layout.socketDirectory, mode: 0o755)
        if !FileManager.default.fileExists(atPath: layout.logFile.path) {
            guard FileManager.default.createFile(atPath: layout.logFile.path, contents: nil) else {
                throw EmbeddedClusterError.directoryNotWritable(
                    path: layout.root.path, reason: "cannot create \(layout.logFile.lastPathComponent)")
            }
        }
        // Checked before anything is given away: chown would follow a symbolic link.
        try Self.secureSocketDirectory(layout.socketDirectory, owner: user?.uid ?? geteuid())
        if let user {
            for path in [layout.dataDirectory, layout.logFile] { try user.own(path) }
            if layout.isRelocated { try user.own(layout.root) }
        }
    }

    private func initialize(_ layout: ClusterLayout, binaries: URL, runner: ServerProcessRunner) throws {
        let initdb = binaries.appendingPathComponent("initdb")
        // pg_hba.conf and pg_ident.conf are replaced before the server first starts (writeAuthentication).
        var arguments = [
            "-D", layout.dataDirectory.path, "-U", Self.superuserName, "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8",
        ]
        if !durable { arguments.append("--no-sync") }
        let outcome = try runner.run(initdb, arguments + ["--locale=C.UTF-8"])
        if outcome.status != 0 {
            // C.UTF-8 is missing on some systems; plain C sorts the same bytes.
            try runner.check(initdb, arguments + ["--locale=C"])
        }
        try (Self.superuserName + "\n").write(to: layout.superuserRecord, atomically: true, encoding: .utf8)
        let include = "\n# citylab: settings managed by the embedded cluster\ninclude_if_exists = 'citylab.conf'\n"
        let config = layout.dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: config)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(include.utf8))
    }

    /// Rewritten on every start, so `durable` and the socket directory follow the caller.
    private func writeConfiguration(_ layout: ClusterLayout, user: ServerUser?) throws {
        let onOff = durable ? "on" : "off"
        let settings = [
            "listen_addresses = ''",
            "unix_socket_directories = '\(layout.socketDirectory.path.replacingOccurrences(of: "'", with: "''"))'",
            "port = \(ClusterLayout.port)",
            "max_connections = 200",
            "shared_buffers = 128MB",
            "fsync = \(onOff)",
            "synchronous_commit = \(onOff)",
            "full_page_writes = \(onOff)",
            "logging_collector = off",
            "password_encryption = 'scram-sha-256'",
        ]
        let file = layout.dataDirectory.appendingPathComponent("citylab.conf")
        try (settings.joined(separator: "\n") + "\n").write(to: file, atomically: false, encoding: .utf8)
        try user?.own(file)
    }

    private func ensureDatabase(_ name: String, progress: (String) -> Void) throws {
        let connection = try Connection(superuserURL(database: "postgres"))
        defer { connection.close() }
        let existing = try connection.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
        if existing.isEmpty {
            progress("creating database \(name)")
            try connection.simpleQuery("CREATE DATABASE " + SQLIdentifier.quote(name))
        }
        let group = ClusterAuthentication.passwordGroup
        if try connection.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [group]).isEmpty {
            do {
                try connection.simpleQuery("CREATE ROLE " + SQLIdentifier.quote(group) + " NOLOGIN")
            } catch let error as PostgresError where error.sqlState == "42710" || error.isUniqueViolation {
                // Another process made it at the same moment.
            }
        }
    }

    static func makeDirectory(_ directory: URL, mode: Int) throws {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
        } catch {
            throw EmbeddedClusterError.directoryNotWritable(path: directory.path, reason: whyNotCreatable(directory, error: error))
        }
    }

    /// The last lines of the server log (or the command output when the log is empty).
    static func tail(of file: URL, _ fallback: String, lines: Int = 20) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let source = text.isEmpty ? fallback : text
        return source.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}
