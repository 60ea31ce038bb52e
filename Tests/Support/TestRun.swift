import Application
import Foundation

/// One `swift test` invocation, identified by the parent process (pid and start time), so the
/// test processes it spawns (one per test with `--parallel`) share one embedded cluster.
/// Each process registers under `<home>/clients`; the last one out stops the server. Homes
/// whose parent is gone are removed by the next run (`reapStale`).
struct TestRun: Sendable {
    static let prefix = "citylab-test-"

    let key: String
    let home: URL
    let lockFile: URL

    static func current() -> TestRun {
        let parent = getppid()
        return TestRun(key: "\(parent)-\(startTime(of: parent) ?? "0")")
    }

    init(key: String) {
        self.key = key
        let temp = FileManager.default.temporaryDirectory
        home = temp.appendingPathComponent(Self.prefix + key, isDirectory: true)
        lockFile = temp.appendingPathComponent(Self.prefix + key + ".lock")
    }

    /// Holds the run's lock (outside the home, which may be deleted) while `body` runs.
    func locked<T>(_ body: () throws -> T) throws -> T {
        let lock = try FileLock(path: lockFile)
        defer { lock.unlock() }
        return try body()
    }

    /// Call with the lock held.
    func register(_ pid: Int32) throws {
        let clients = home.appendingPathComponent("clients", isDirectory: true)
        try FileManager.default.createDirectory(at: clients, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: clients.appendingPathComponent("\(pid)").path, contents: nil)
    }

    /// Call with the lock held. Returns how many live processes remain registered.
    func unregister(_ pid: Int32) -> Int {
        let clients = home.appendingPathComponent("clients", isDirectory: true)
        try? FileManager.default.removeItem(at: clients.appendingPathComponent("\(pid)"))
        let names = (try? FileManager.default.contentsOfDirectory(atPath: clients.path)) ?? []
        var live = 0
        for name in names {
            if let other = Int32(name), kill(other, 0) == 0 || errno == EPERM {
                live += 1
            } else {
                try? FileManager.default.removeItem(at: clients.appendingPathComponent(name))
            }
        }
        return live
    }

    /// Stops and deletes the clusters of earlier runs whose `swift test` has exited.
    static func reapStale(except current: TestRun) {
        let temp = FileManager.default.temporaryDirectory
        let names = (try? FileManager.default.contentsOfDirectory(atPath: temp.path)) ?? []
        for name in names where name.hasPrefix(prefix) && !name.hasSuffix(".lock") {
            let key = String(name.dropFirst(prefix.count))
            let parts = key.split(separator: "-")
            guard key != current.key, parts.count == 2, let parent = Int32(parts[0]),
                startTime(of: parent) != String(parts[1])
            else { continue }
            let stale = TestRun(key: key)
            _ = try? stale.locked {
                try? EmbeddedCluster(home: stale.home, durable: false).stop()
                try? FileManager.default.removeItem(at: stale.home)
            }
            try? FileManager.default.removeItem(at: stale.lockFile)
        }
    }

    /// Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); nil if no such process.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.count > 19 ? String(fields[19]) : nil
    }
}
