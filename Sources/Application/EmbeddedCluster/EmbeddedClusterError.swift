/// Why the embedded cluster could not be found, set up, started or stopped; each case says
/// which path or command, and what to do.
public enum EmbeddedClusterError: Error, CustomStringConvertible, Sendable {
    case serverBinariesNotFound(searched: [String])
    case directoryNotWritable(path: String, reason: String)
    case commandFailed(command: String, status: Int32, output: String)
    case startFailed(logFile: String, logTail: String)
    case serverUserUnavailable(reason: String)
    case lockFailed(path: String, reason: String)
    case socketDirectoryUnsafe(path: String, reason: String)

    public var description: String {
        switch self {
        case .serverBinariesNotFound(let searched):
            return "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in "
                + searched.joined(separator: ", ")
                + "; install them with 'apt-get install postgresql' (or pass --database-url)"
        case .directoryNotWritable(let path, let reason):
            return "cannot use directory \(path): \(reason); set CITYLAB_HOME to a writable directory"
        case .commandFailed(let command, let status, let output):
            let tail = output.isEmpty ? "" : "\n" + output
            return "\(command) failed with exit status \(status)\(tail)"
        case .startFailed(let logFile, let logTail):
            return "PostgreSQL did not start; the end of its log \(logFile):\n\(logTail)"
        case .serverUserUnavailable(let reason):
            return "running as root, PostgreSQL needs an unprivileged user: \(reason)"
        case .lockFailed(let path, let reason):
            return "cannot lock \(path): \(reason)"
        case .socketDirectoryUnsafe(let path, let reason):
            return "will not put the server's socket in \(path): \(reason); remove it, or set CITYLAB_HOME to another directory"
        }
    }
}
