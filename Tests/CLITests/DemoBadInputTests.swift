import Foundation
import Glibc
import XCTest

/// `citylab demo` when its database cannot be had: it stops at once with exit 4, announces no
/// URL, and says what is wrong and what to do. A bad or busy port is said before the database
/// starts or the sample loads (a port taken by another demo: DemoCLITests).
final class DemoBadInputTests: XCTestCase {
    func testAMalformedPortIsExit2AndLoadsNothing() throws {
        let cli = try CLIHarness.fresh()
        for port in ["abc", "70000"] {
            let run = try cli.run("demo", "--port", port)
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertEqual(run.stdout, "")
            XCTAssertTrue(run.stderr.contains("--port"), run.stderr)
            XCTAssertFalse(run.stderr.contains("loading the CityLab sample"), run.stderr)
        }
        XCTAssertEqual(try cli.eventCount(), 0, "a usage error writes nothing")
    }

    /// 192.0.2.1 (TEST-NET-1) is no address of this machine: binding it fails without DNS.
    func testAnAddressThatCannotBeHadIsExit2AndLoadsNothing() throws {
        let cli = try CLIHarness.fresh()
        let run = try cli.run("demo", "--host", "192.0.2.1", "--port", "0")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("cannot listen on 192.0.2.1:0"), run.stderr)
        XCTAssertEqual(try cli.eventCount(), 0)
    }

    func testABusyPortIsRefusedBeforeTheSampleLoads() throws {
        let cli = try CLIHarness.fresh()
        let (fd, port) = try Self.listeningSocket()
        defer { close(fd) }
        let run = try cli.run("demo", "--port", String(port))
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("127.0.0.1:\(port) is already in use"), run.stderr)
        XCTAssertTrue(run.stderr.contains("pass --port with a free port"), run.stderr)
        XCTAssertEqual(try cli.eventCount(), 0, "a refused demo loads no sample")
    }

    /// With no database URL the demo would make one under CITYLAB_HOME: a bad port makes none.
    func testAMalformedPortCreatesNoEmbeddedDatabase() throws {
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let home = scratch.appendingPathComponent("citylab")
        var cli = try CLIHarness.fresh()
        cli.environment["CITYLAB_DATABASE_URL"] = ""
        cli.environment["CITYLAB_HOME"] = home.path
        let run = try cli.run("demo", "--port", "abc")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.path), "a usage error created \(home.path)")
        let (fd, port) = try Self.listeningSocket()
        defer { close(fd) }
        let busy = try cli.run("demo", "--port", String(port))
        XCTAssertEqual(busy.status, 1, busy.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.path), "a refused demo created \(home.path)")
    }

    func testAnUnreachableDatabaseIsExit4WithTheFix() throws {
        let cli = try CLIHarness.fresh()
        let url = "postgresql://citylab@127.0.0.1:\(try Self.closedPort())/citylab"
        let run = try cli.run("--database-url", url, "demo", "--port", "0")
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertEqual(run.stdout, "", "no URLs announced for a demo that is not running")
        XCTAssertTrue(run.stderr.contains("error: cannot reach the database at \(url)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: start that server, fix --database-url / CITYLAB_DATABASE_URL"), run.stderr)
    }

    /// Works as root too: no permission bit is involved, a path under a regular file cannot exist.
    func testAHomeUnderAFileSaysWhichDirectoryAndWhy() throws {
        let scratch = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("notes.txt")
        try "not a directory\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try demoWithEmbeddedCluster(home: file.appendingPathComponent("citylab"))
        XCTAssertEqual(run.status, 4, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("cannot use directory \(file.path)/citylab: \(file.path) is a file, not a directory"), run.stderr)
        XCTAssertTrue(run.stderr.contains("set CITYLAB_HOME to a writable directory"), run.stderr)
    }

    /// Root ignores permission bits, so as root this case cannot be made (the one above still runs).
    func testAHomeUnderAReadOnlyDirectorySaysWhichDirectoryAndWhy() throws {
        try XCTSkipIf(getuid() == 0, "running as root, which writes into a mode-0555 directory anyway")
        let scratch = try Self.scratchDirectory()
        defer {
            chmod(scratch.path, 0o755)
            try? FileManager.default.removeItem(at: scratch)
        }
        XCTAssertEqual(chmod(scratch.path, 0o555), 0)
        let run = try demoWithEmbeddedCluster(home: scratch.appendingPathComponent("citylab"))
        XCTAssertEqual(run.status, 4, run.stderr)
        let expected = "cannot use directory \(scratch.path)/citylab: \(scratch.path) is not writable by this user"
        XCTAssertTrue(run.stderr.contains(expected), run.stderr)
    }

    private func demoWithEmbeddedCluster(home: URL) throws -> CLIHarness.Run {
        var cli = try CLIHarness.fresh()
        cli.environment["CITYLAB_DATABASE_URL"] = ""
        cli.environment["CITYLAB_HOME"] = home.path
        return try cli.run("demo", "--port", "0")
    }

    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("citylab-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A socket listening on a free loopback port, as another server would hold it.
    static func listeningSocket() throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw CLITestError("cannot listen on a probe socket: errno \(errno)")
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A port nothing listens on: bound to learn a free one, then closed.
    static func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw CLITestError("cannot bind a probe socket: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
