import Application
import EventStore
import Foundation
import Postgres
import TestSupport
import XCTest

/// Runs the built `citylab` binary against a fresh, migrated database and captures stdout,
/// stderr and the exit code separately.
struct CLIHarness {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String

        func json() throws -> [String: Any] {
            let object = try JSONSerialization.jsonObject(with: Data(stdout.utf8))
            return try XCTUnwrap(object as? [String: Any], "stdout is not one JSON object: \(stdout)")
        }
    }

    let databaseURL: String
    var environment: [String: String] = [:]

    /// A fresh database made from a migrated template.
    static func fresh() throws -> CLIHarness {
        let template = try TestCluster.shared.template(named: "citylab_cli_template") { connection in
            try Migrator.migrate(connection, Database.migrations)
        }
        return CLIHarness(databaseURL: try TestCluster.shared.freshDatabase(template: template))
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CITYLAB_BIN"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citylab")
    }

    func environmentForRun() -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["CITYLAB_DATABASE_URL"] = databaseURL
        env["CITYLAB_ACTOR"] = "test-organizer"
        env.removeValue(forKey: "CITYLAB_HOME")
        for (key, value) in environment { env[key] = value }
        return env
    }

    /// Starts the binary without waiting (for races); `wait()` collects it.
    func start(_ arguments: [String]) throws -> Started {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.environment = environmentForRun()
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Started(process: process, out: out, err: err)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Run { try start(arguments).wait() }

    func run(arguments: [String]) throws -> Run { try start(arguments).wait() }

    struct Started {
        let process: Process
        let out: Pipe
        let err: Pipe

        func wait() throws -> Run {
            // Read both pipes to the end before waiting, so a full pipe cannot block the child.
            let group = DispatchGroup()
            nonisolated(unsafe) var errData = Data()
            group.enter()
            let errHandle = err.fileHandleForReading
            DispatchQueue.global().async {
                errData = errHandle.readDataToEndOfFile()
                group.leave()
            }
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return Run(
                status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self))
        }
    }

    /// A direct connection to the test database, for counting and tampering.
    func connection() throws -> Connection { try Connection(databaseURL) }

    func eventCount() throws -> Int {
        let connection = try connection()
        defer { connection.close() }
        return try connection.query("SELECT count(*) AS n FROM events").rows[0].int("n")
    }

    /// Opens the standard test edition.
    func openEdition(_ id: String = "citylab-2026") throws {
        let run = try run(
            arguments: [
                "conference", "open", "--id", id, "--name", "CityLab 2026", "--city", "Bogotá", "--timezone", "America/Bogota",
                "--starts", "2026-10-14", "--ends", "2026-10-16",
            ])
        XCTAssertEqual(run.status, 0, run.stderr)
    }
}
