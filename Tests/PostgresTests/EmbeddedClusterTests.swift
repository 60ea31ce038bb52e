import Application
import Dispatch
import Foundation
import Postgres
import XCTest

final class EmbeddedClusterTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-ec-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let scratch {
            for home in [scratch.appendingPathComponent("home"), scratch.appendingPathComponent("private/home")] {
                let cluster = EmbeddedCluster(home: home, durable: false)
                try? cluster.stop()
                let status = cluster.status()
                if status.dataDirectory.path.hasPrefix("/var/tmp/") {
                    try? FileManager.default.removeItem(at: status.dataDirectory.deletingLastPathComponent())
                }
            }
            try? FileManager.default.removeItem(at: scratch)
        }
        try super.tearDownWithError()
    }

    func testStartStatusStopAndStartAgain() throws {
        let cluster = EmbeddedCluster(home: scratch.appendingPathComponent("home"), durable: false)
        XCTAssertFalse(cluster.status().isRunning)
        XCTAssertFalse(cluster.status().isInitialized)
        var messages: [String] = []
        let url = try cluster.start { messages.append($0) }
        XCTAssertEqual(url, cluster.url)
        XCTAssertTrue(messages.contains { $0.hasPrefix("initializing") }, "\(messages)")
        let up = cluster.status()
        XCTAssertTrue(up.isRunning)
        XCTAssertNotNil(up.pid)
        XCTAssertTrue(up.isInitialized)
        XCTAssertEqual(try queryUser(cluster.superuserURL()), "citylab_superuser|citylab")

        XCTAssertEqual(try cluster.start(), url, "starting a running cluster is a no-op")
        try cluster.stop()
        XCTAssertFalse(cluster.status().isRunning)
        XCTAssertNil(cluster.status().pid)
        XCTAssertThrowsError(try Connection(cluster.superuserURL()))
        try cluster.stop()

        messages = []
        try cluster.start { messages.append($0) }
        XCTAssertFalse(messages.contains { $0.hasPrefix("initializing") }, "\(messages)")
        XCTAssertTrue(cluster.status().isRunning)
        try cluster.createDatabase("second", template: nil)
        XCTAssertEqual(try queryUser(cluster.superuserURL(database: "second")), "citylab_superuser|second")
    }

    func testConcurrentStartsShareOneServer() throws {
        let cluster = EmbeddedCluster(home: scratch.appendingPathComponent("home"), durable: false)
        let outcomes = OrderLog()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            outcomes.append((try? cluster.start()) == cluster.url ? 1 : 0)
        }
        XCTAssertEqual(outcomes.values, [1, 1, 1, 1])
        XCTAssertTrue(cluster.status().isRunning)
    }

    /// As root the server runs as an unprivileged user, who cannot enter a 0700 root directory.
    func testAsRootAnUnreachableHomeIsRelocated() throws {
        try XCTSkipUnless(geteuid() == 0, "only root has to pick a server user")
        let parent = scratch.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let cluster = EmbeddedCluster(home: parent.appendingPathComponent("home"), durable: false)
        var messages: [String] = []
        try cluster.start { messages.append($0) }
        let status = cluster.status()
        XCTAssertTrue(status.isRunning)
        XCTAssertTrue(status.dataDirectory.path.hasPrefix("/var/tmp/citylab-"), status.dataDirectory.path)
        XCTAssertTrue(status.notes.contains { $0.contains("cannot reach") }, "\(status.notes)")
        XCTAssertTrue(messages.contains { $0.contains("cannot reach") }, "\(messages)")
        XCTAssertNotNil(status.serverUser)
        XCTAssertEqual(try queryUser(cluster.superuserURL()), "citylab_superuser|citylab")
    }

    func testAFailedStartShowsTheEndOfTheServerLog() throws {
        let cluster = EmbeddedCluster(home: scratch.appendingPathComponent("home"), durable: false)
        try cluster.start()
        try cluster.stop()
        let config = cluster.status().dataDirectory.appendingPathComponent("postgresql.conf")
        let handle = try FileHandle(forWritingTo: config)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("no_such_setting_xyz = 1\n".utf8))
        try handle.close()
        XCTAssertThrowsError(try cluster.start()) { error in
            guard case EmbeddedClusterError.startFailed = error else { return XCTFail("got \(error)") }
            XCTAssertTrue("\(error)".contains("no_such_setting_xyz"), "\(error)")
        }
        XCTAssertFalse(cluster.status().isRunning)
    }

    func testAnUnusableHomeNamesTheDirectory() throws {
        let file = scratch.appendingPathComponent("plain-file")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: Data()))
        let home = file.appendingPathComponent("home")
        XCTAssertThrowsError(try EmbeddedCluster(home: home).start()) { error in
            guard case EmbeddedClusterError.directoryNotWritable(let path, _) = error else { return XCTFail("got \(error)") }
            XCTAssertEqual(path, home.path)
        }
    }

    func testALongHomeGetsAShortSocketDirectory() throws {
        let deep = (0..<6).reduce(scratch.appendingPathComponent("home")) { url, _ in
            url.appendingPathComponent(String(repeating: "d", count: 20))
        }
        let status = EmbeddedCluster(home: deep).status()
        XCTAssertTrue(status.socketDirectory.path.hasPrefix("/tmp/citylab-"), status.socketDirectory.path)
        XCTAssertTrue(status.notes.contains { $0.contains("too long") }, "\(status.notes)")
    }

    func testDefaultHomeHonorsCITYLABHOME() {
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: ["CITYLAB_HOME": "/srv/x"]).path, "/srv/x")
        XCTAssertEqual(EmbeddedCluster.defaultHome(environment: [:]).lastPathComponent, ".citylab")
    }

    func testFindsServerBinaries() throws {
        let bindir = try EmbeddedCluster.findServerBinaries()
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: bindir.appendingPathComponent("initdb").path))
    }

    private func queryUser(_ url: String) throws -> String? {
        let connection = try Connection(url)
        defer { connection.close() }
        return try connection.query("SELECT current_user || '|' || current_database() AS who").first?["who"]
    }
}
