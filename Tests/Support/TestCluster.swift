import Application
import Foundation
import Postgres
import Synchronization
import XCTest

/// The PostgreSQL server of a test process: the one named by CITYLAB_TEST_DATABASE_URL (an
/// admin URL), else a throwaway embedded cluster (fsync off) shared by the processes of one
/// `swift test` run and stopped when the last of them finishes. Gives each test a fresh database.
public final class TestCluster: Sendable {
    public static let shared = TestCluster()

    private struct Started: Sendable {
        let backend: TestClusterBackend
        let run: TestRun
        /// Distinguishes templates of different runs and builds (the test binary's identity).
        let templateKey: String
    }

    private let started = Mutex<Result<Started, any Error>?>(nil)
    private let preparedTemplates = Mutex<Set<String>>([])
    private let createdDatabases = Mutex<[String]>([])
    private let isFinished = Mutex(false)

    private init() {}

    /// Connects as a user that may create databases, to the server's maintenance database.
    public var adminURL: String {
        do {
            return try start()
        } catch {
            fatalError("the test PostgreSQL server could not start: \(error)")
        }
    }

    /// `CREATE DATABASE t_<random> [TEMPLATE template]`; returns the new database's URL.
    public func freshDatabase(template: String? = nil) throws -> String {
        let started = try startOnce()
        let name = "t_" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        try started.backend.withAdmin { admin in
            var sql = "CREATE DATABASE " + (try SQLIdentifier.quote(name))
            if let template { sql += " TEMPLATE " + (try SQLIdentifier.quote(template)) }
            try admin.simpleQuery(sql)
        }
        if started.backend.isExternal { createdDatabases.withLock { $0.append(name) } }
        return started.backend.url(database: name)
    }

    /// Creates the template `named` once (per run, across threads and processes) by running
    /// `prepare` on a connection to it; returns the database name to pass to `freshDatabase`.
    public func template(named name: String, prepare: (Connection) throws -> Void) throws -> String {
        let started = try startOnce()
        let cleaned = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(30))
        let fullName = "tpl_\(cleaned)_\(started.templateKey)"
        if preparedTemplates.withLock({ $0.contains(fullName) }) { return fullName }
        try started.backend.withAdmin { admin in
            // Closing `admin` releases the lock, also when `prepare` throws.
            try admin.execute("SELECT pg_advisory_lock(hashtext($1))", [fullName])
            let existing = try admin.query("SELECT datistemplate FROM pg_database WHERE datname = $1", [fullName])
            if let row = existing.first, try row.bool("datistemplate") { return }
            let quoted = try SQLIdentifier.quote(fullName)
            if !existing.isEmpty { try admin.simpleQuery("DROP DATABASE \(quoted) WITH (FORCE)") }
            try admin.simpleQuery("CREATE DATABASE \(quoted)")
            let connection = try Connection(started.backend.url(database: fullName))
            defer { connection.close() }
            try prepare(connection)
            connection.close()
            // Marks the template as complete for the other processes.
            try admin.simpleQuery("ALTER DATABASE \(quoted) WITH IS_TEMPLATE true")
        }
        preparedTemplates.withLock { _ = $0.insert(fullName) }
        return fullName
    }

    /// Starts (or finds) the server once per process and registers this process with the run.
    /// Returns the admin URL; throws why the server could not start.
    @discardableResult
    public func start() throws -> String {
        try startOnce().backend.adminURL
    }

    private func startOnce() throws -> Started {
        try started.withLock { state -> Result<Started, any Error> in
            if let state { return state }
            let outcome = Result { try Self.bringUp() }
            state = outcome
            if case .success = outcome {
                XCTestObservationCenter.shared.addTestObserver(TestBundleObserver())
                atexit { TestCluster.shared.finish() }
            }
            return outcome
        }.get()
    }

    private static func bringUp() throws -> Started {
        let run = TestRun.current()
        let templateKey = StableHash.hex(run.key + "|" + executableIdentity())
        let environment = ProcessInfo.processInfo.environment
        if let adminURL = environment["CITYLAB_TEST_DATABASE_URL"], !adminURL.isEmpty {
            try run.locked { try run.register(getpid()) }
            return Started(backend: .external(adminURL: adminURL), run: run, templateKey: templateKey)
        }
        TestRun.reapStale(except: run)
        let cluster = EmbeddedCluster(home: run.home, durable: false)
        try run.locked {
            try run.register(getpid())
            try cluster.start()
        }
        return Started(backend: .embedded(cluster), run: run, templateKey: templateKey)
    }

    /// Drops what this process created on an external server; the run's last process stops the
    /// embedded server (or drops the run's templates on an external one). Runs once.
    func finish() {
        let first = isFinished.withLock { finished in
            defer { finished = true }
            return !finished
        }
        guard first, let started = started.withLock({ try? $0?.get() }) else { return }
        let backend = started.backend
        if backend.isExternal {
            for name in createdDatabases.withLock({ $0 }) {
                _ = try? backend.withAdmin { try $0.simpleQuery("DROP DATABASE IF EXISTS \(try SQLIdentifier.quote(name)) WITH (FORCE)") }
            }
        }
        _ = try? started.run.locked {
            guard started.run.unregister(getpid()) == 0 else { return }
            switch backend {
            case .embedded(let cluster):
                try? cluster.stop()
            case .external:
                _ = try? backend.withAdmin { admin in
                    let templates = try admin.query(
                        "SELECT datname FROM pg_database WHERE datname LIKE 'tpl\\_%' AND datname LIKE $1",
                        ["%_" + started.templateKey])
                    for row in templates {
                        let quoted = try SQLIdentifier.quote(try row.string("datname"))
                        try admin.simpleQuery("ALTER DATABASE \(quoted) WITH IS_TEMPLATE false")
                        try admin.simpleQuery("DROP DATABASE IF EXISTS \(quoted) WITH (FORCE)")
                    }
                }
            }
        }
    }

    /// The test executable's size and modification time: templates of an older build are not reused.
    private static func executableIdentity() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)|\(size)|\(modified)"
    }
}
