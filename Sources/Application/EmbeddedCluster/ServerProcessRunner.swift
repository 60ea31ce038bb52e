import Foundation

/// Runs a program to completion with its output captured in a file (not a pipe: a server that
/// a command daemonizes must not hold our pipe open), optionally as another user.
struct ServerProcessRunner: Sendable {
    /// When set (we are root), commands run as this user through `runuser` or `setpriv`.
    let user: ServerUser?

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs and returns the exit status and combined stdout/stderr.
    func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        var command = (executable, arguments)
        if let user { command = user.wrap(executable, arguments) }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("citylab-cmd-\(getpid())-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let status = try Subprocess.run(command.0.path, command.1, environment: environment, output: outputFile)
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return Outcome(status: status, output: output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Runs and throws `commandFailed` (with the output) unless the exit status is 0.
    @discardableResult
    func check(_ executable: URL, _ arguments: [String]) throws -> String {
        let outcome = try run(executable, arguments)
        guard outcome.status == 0 else {
            throw EmbeddedClusterError.commandFailed(
                command: executable.lastPathComponent, status: outcome.status, output: outcome.output)
        }
        return outcome.output
    }
}
