import Foundation

extension EmbeddedCluster {
    /// The directory holding initdb, pg_ctl and postgres: `pg_config --bindir` if it has them,
    /// else the newest `/usr/lib/postgresql/<version>/bin`.
    public static func findServerBinaries() throws -> URL {
        var searched: [String] = []
        if let bindir = pgConfigBindir() {
            searched.append(bindir.path + " (pg_config --bindir)")
            if hasServerBinaries(bindir) { return bindir }
        }
        let base = URL(fileURLWithPath: "/usr/lib/postgresql", isDirectory: true)
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? [])
            .compactMap { name in Double(name).map { (version: $0, name: name) } }
            .sorted { $0.version > $1.version }
        for candidate in versions {
            let bindir = base.appendingPathComponent(candidate.name).appendingPathComponent("bin", isDirectory: true)
            if hasServerBinaries(bindir) { return bindir }
        }
        searched.append(base.path + "/*/bin")
        throw EmbeddedClusterError.serverBinariesNotFound(searched: searched)
    }

    private static func hasServerBinaries(_ bindir: URL) -> Bool {
        ["initdb", "pg_ctl", "postgres"].allSatisfy {
            FileManager.default.isExecutableFile(atPath: bindir.appendingPathComponent($0).path)
        }
    }

    private static func pgConfigBindir() -> URL? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        guard let pgConfig = paths.map({ "\($0)/pg_config" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }),
            let outcome = try? ServerProcessRunner(user: nil).run(URL(fileURLWithPath: pgConfig), ["--bindir"]),
            outcome.status == 0, !outcome.output.isEmpty
        else { return nil }
        return URL(fileURLWithPath: outcome.output, isDirectory: true)
    }
}
