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
        let child = try ChildProcess.spawn(Self.binary.path, arguments, environment: environmentForRun())
        return Started(child: child, databaseURL: databaseURL)
    }

    @discardableResult
    func run(_ arguments: String...) throws -> Run { try start(arguments).wait() }

    func run(arguments: [String]) throws -> Run { try start(arguments).wait() }

    /// A running `citylab`. Its wait has a deadline: a hang fails the test with the child's
    /// backtraces and the database's sessions instead of blocking the suite.
    struct Started {
        let child: ChildProcess
        let databaseURL: String

        struct Hung: Error, CustomStringConvertible {
            let description: String
        }

        /// The first line it prints on stdout (servers announce themselves so).
        func firstLine(timeout: Duration = .seconds(180)) -> String? { child.readLine(timeout: timeout) }

        func interrupt() { child.send(SIGINT) }
        func terminate() { child.send(SIGTERM) }

        func wait(timeout: Duration = .seconds(240)) throws -> Run {
            let exit = child.wait(timeout: timeout) { DatabaseSessions.describe(databaseURL) }
            if let hang = exit.hang { throw Hung(description: hang) }
            return Run(status: exit.status, stdout: exit.stdout, stderr: exit.stderr)
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
