import Foundation

/// Where one embedded cluster keeps its files. Normally all under the home; as root, when the
/// server user cannot reach the home (e.g. under /root, mode 0700), under /var/tmp instead.
/// The choice is recorded in `<home>/cluster-root` so every later process finds it.
struct ClusterLayout: Sendable {
    static let port = 5432
    /// `sun_path` holds 108 bytes including the terminating NUL.
    static let maxSocketPathBytes = 107

    let home: URL
    let root: URL
    let notes: [String]

    var dataDirectory: URL { root.appendingPathComponent("pgdata", isDirectory: true) }
    var logFile: URL { root.appendingPathComponent("postgres.log") }
    var lockFile: URL { home.appendingPathComponent("cluster.lock") }
    /// The bootstrap superuser's name, written when the cluster is initialized (absent for a
    /// cluster made by a citylab before this file existed: its superuser is `citylab`).
    var superuserRecord: URL { root.appendingPathComponent("superuser") }
    var socketDirectory: URL { Self.socketDirectory(root: root) }
    var isRelocated: Bool { root.path != home.path }

    /// The recorded bootstrap superuser; `citylab` for a cluster initialized before the record.
    var superuser: String {
        let recorded = (try? String(contentsOf: superuserRecord, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let recorded, !recorded.isEmpty else { return "citylab" }
        return recorded
    }

    static func recordFile(home: URL) -> URL {
        home.appendingPathComponent("cluster-root")
    }

    /// The recorded layout, or the default (everything in the home) before the first start.
    static func current(home: URL) -> ClusterLayout {
        let recorded = (try? String(contentsOf: recordFile(home: home), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let root = recorded.flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) } ?? home
        return ClusterLayout(home: home, root: root)
    }

    /// The place to use for a home the server user cannot reach; the same for every process.
    static func relocatedRoot(home: URL) -> URL {
        URL(fileURLWithPath: "/var/tmp/citylab-\(StableHash.hex(home.path))", isDirectory: true)
    }

    init(home: URL, root: URL) {
        self.home = home
        self.root = root
        var notes: [String] = []
        if root.path != home.path {
            notes.append("data kept in \(root.path): the server user cannot reach \(home.path)")
        }
        let socket = Self.socketDirectory(root: root)
        if !socket.path.hasPrefix(root.path + "/") {
            notes.append("socket in \(socket.path): the path under \(root.path) is too long for a unix socket")
        }
        self.notes = notes
    }

    func record() throws {
        try (root.path + "\n").write(to: Self.recordFile(home: home), atomically: true, encoding: .utf8)
    }

    /// `<root>/run`, or a short `/tmp/citylab-<hash>` when `<root>/run/.s.PGSQL.5432` is too long.
    static func socketDirectory(root: URL) -> URL {
        let preferred = root.appendingPathComponent("run", isDirectory: true)
        let socketFile = preferred.appendingPathComponent(".s.PGSQL.\(port)").path
        if socketFile.utf8.count <= maxSocketPathBytes { return preferred }
        return URL(fileURLWithPath: "/tmp/citylab-\(StableHash.hex(root.path))", isDirectory: true)
    }
}
