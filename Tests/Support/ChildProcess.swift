import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process for tests: posix_spawn with its stdout and stderr on pipes of their own,
/// every other descriptor closed in the child, and a wait that cannot hang. Foundation's
/// `Process` is not used: on Linux it waits on a socket that any grandchild inheriting it keeps
/// open, and a hung child would hang the whole suite with no trace of where.
///
/// `wait(timeout:)` reads both pipes while waiting; past the deadline it records what the child
/// was doing (its threads' backtraces when gdb is installed, plus `diagnose()`), kills it and
/// returns with `hang` set, so the test fails with the evidence instead of blocking CI.
public final class ChildProcess: @unchecked Sendable {
    public struct Exit: Sendable {
        /// The exit code, or 128 + the signal number when killed.
        public let status: Int32
        public let stdout: String
        public let stderr: String
        /// Set when the wait timed out: what the child was doing when it was killed.
        public let hang: String?
    }

    public struct SpawnFailed: Error, CustomStringConvertible {
        public let description: String
    }

    public let pid: pid_t
    public let command: String
    private var outFD: Int32
    private var errFD: Int32
    private var out: [UInt8] = []
    private var err: [UInt8] = []
    private var outConsumed = 0
    private var status: Int32?

    private init(pid: pid_t, command: String, outFD: Int32, errFD: Int32) {
        (self.pid, self.command, self.outFD, self.errFD) = (pid, command, outFD, errFD)
    }

    deinit {
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
        if status == nil {
            kill(pid, SIGKILL)
            var raw: Int32 = 0
            _ = waitpid(pid, &raw, 0)
        }
    }

    /// Starts `executable` with stdin from /dev/null.
    public static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> ChildProcess {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        // Close-on-exec: a child spawned by another thread meanwhile must not inherit these ends
        // (pipe2 is not in Glibc's Swift overlay; the window before fcntl is a few instructions).
        guard pipe(&outPipe) == 0 else { throw SpawnFailed(description: "pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0])
            close(outPipe[1])
            throw SpawnFailed(description: "pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        let open = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
        for descriptor in open where descriptor > 2 { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let argv = [executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in posix_spawnp(&pid, executable, &actions, nil, argvPointers, envPointers) }
        }
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw SpawnFailed(description: "could not start \(executable): \(String(cString: strerror(spawned)))")
        }
        let command = argv.joined(separator: " ")
        return ChildProcess(pid: pid, command: command, outFD: outPipe[0], errFD: errPipe[0])
    }

    /// Sends `signal` (SIGINT, SIGTERM…) unless the child was already reaped.
    public func send(_ signal: Int32) {
        if status == nil { kill(pid, signal) }
    }

    /// The next line of stdout (without its newline), waiting up to `timeout`; nil at the end
    /// of the output or the deadline. Lines read here stay in `Exit.stdout`.
    public func readLine(timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let newline = out[outConsumed...].firstIndex(of: 10) {
                let line = String(decoding: out[outConsumed..<newline], as: UTF8.self)
                outConsumed = newline + 1
                return line
            }
            if outFD < 0 || ContinuousClock.now >= deadline { return nil }
            pump(milliseconds: 50)
        }
    }

    /// Waits for the child to exit and both pipes to close, reading them meanwhile. Past
    /// `timeout` the child is diagnosed and killed.
    public func wait(timeout: Duration = .seconds(240), backtraces: Bool = true, diagnose: () -> String = { "" }) -> Exit {
        let deadline = ContinuousClock.now + timeout
        var hang: String?
        while status == nil || outFD >= 0 || errFD >= 0 {
            if ContinuousClock.now >= deadline {
                hang = describeHang(timeout: timeout, backtraces: backtraces, diagnose: diagnose)
                break
            }
            pump(milliseconds: 50)
            reap(blocking: false)
        }
        if status == nil {
            kill(pid, SIGKILL)
            reap(blocking: true)
        }
        // After a kill, read what is left without waiting for a grandchild that holds a pipe.
        pump(milliseconds: 0)
        if outFD >= 0 { close(outFD) }
        if errFD >= 0 { close(errFD) }
        (outFD, errFD) = (-1, -1)
        return Exit(
            status: status ?? -1, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), hang: hang)
    }

    private func reap(blocking: Bool) {
        guard status == nil else { return }
        var raw: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &raw, blocking ? 0 : WNOHANG) } while result < 0 && errno == EINTR
        guard result == pid else { return }
        let signal = raw & 0x7f
        status = signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }

    /// Reads whatever the pipes hold, waiting up to `milliseconds` for something to arrive.
    private func pump(milliseconds: Int32) {
        var fds: [pollfd] = []
        if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
        if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
        guard !fds.isEmpty else {
            if status == nil, milliseconds > 0 { usleep(UInt32(milliseconds) * 1000) }
            return
        }
        guard poll(&fds, nfds_t(fds.count), milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for entry in fds where entry.revents != 0 {
            let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
            if count > 0 {
                if entry.fd == outFD { out += buffer[..<count] } else { err += buffer[..<count] }
            } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                close(entry.fd)
                if entry.fd == outFD { outFD = -1 } else { errFD = -1 }
            }
        }
    }

    private func describeHang(timeout: Duration, backtraces: Bool, diagnose: () -> String) -> String {
        var lines = ["\(command) (pid \(pid)) did not finish within \(timeout)"]
        if status != nil {
            lines.append("it exited (status \(status ?? -1)) but a process it started still holds its stdout or stderr open")
        } else {
            if let state = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) {
                lines.append(
                    state.split(separator: "\n").filter { $0.hasPrefix("State") || $0.hasPrefix("Threads") }.joined(separator: ", "))
            }
            if backtraces { lines.append(Self.backtraces(of: pid)) }
        }
        let extra = diagnose()
        if !extra.isEmpty { lines.append(extra) }
        lines.append("stderr so far: " + String(decoding: err.suffix(2_000), as: UTF8.self))
        return lines.joined(separator: "\n")
    }

    /// Every thread's backtrace via gdb, when installed (bounded: gdb itself gets 60 s).
    static func backtraces(of pid: pid_t) -> String {
        guard let gdb = ["/usr/bin/gdb", "/usr/local/bin/gdb"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "(no gdb to print its threads' backtraces)"
        }
        guard
            let child = try? spawn(
                gdb, ["-batch", "-p", "\(pid)", "-ex", "thread apply all bt"], environment: ProcessInfo.processInfo.environment)
        else { return "(gdb did not start)" }
        let exit = child.wait(timeout: .seconds(60), backtraces: false)
        let frames = exit.stdout.split(separator: "\n").filter { $0.hasPrefix("#") || $0.hasPrefix("Thread") }
        return "backtraces:\n" + frames.prefix(400).joined(separator: "\n")
    }

    /// A NULL-terminated `char *[]` valid during `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
