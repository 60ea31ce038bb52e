import Foundation
import TestSupport
import XCTest

/// Finds an outside tool a test drives (headless Chromium, docker-compose). script/test installs
/// them and exports their paths; a path that is set must work (the test fails), and only when
/// none is set and none is on PATH does the test skip, saying how to get one.
enum ExternalTool {
    static func locate(variable: String, candidates: [String], install: String) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment[variable], !given.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: given) else {
                throw CLITestError("\(variable)=\(given) is not an executable file; \(install)")
            }
            return given
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in candidates {
            for directory in path where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        throw XCTSkip("\(candidates[0]) not found and \(variable) not set; \(install)")
    }

    /// Runs it to completion with a deadline; a hang fails with its backtraces.
    static func run(_ executable: String, _ arguments: [String], timeout: Duration = .seconds(120)) throws -> ChildProcess.Exit {
        let child = try ChildProcess.spawn(executable, arguments, environment: ProcessInfo.processInfo.environment)
        let exit = child.wait(timeout: timeout)
        if let hang = exit.hang { throw CLITestError("\(executable) hung: \(hang)") }
        return exit
    }
}
