import Foundation

/// Runs a program to completion with its output captured in a file (not a pipe: a server that
/// a command daemonizes must not hold our pipe open), optionally as another user.
struct CommandRunner: Sendable {
    /// When set (we are root), commands run as this user through `runuser` or `setpriv`.
    let user: ServerUser?

    struct Outcome {
        let status: Int32
        let output: String
    }

    /// Runs and returns the exit status and combined stdout/stderr.
    func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
        let process = Process()
        if let user {
            let wrapped = user.wrap(executable, arguments)
            process.executableURL = wrapped.executable
            process.arguments = wrapped.arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        // A directory every user can enter: `runuser` keeps ours, which may be /root.
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        process.environment = environment
        let outputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("citylab-cmd-\(getpid())-\(UUID().uuidString).out")
        guard FileManager.default.createFile(atPath: outputFile.path, contents: nil) else {
            throw EmbeddedClusterError.directoryNotWritable(path: outputFile.deletingLastPathComponent().path, reason: "cannot create a temporary file")
        }
        defer { try? FileManager.default.removeItem(at: outputFile) }
        let handle = try FileHandle(forWritingTo: outputFile)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, output: output.trimmingCharacters(in: .whitespacesAndNewlines))
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
