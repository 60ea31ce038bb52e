import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// posix_spawn + waitpid, closing every inherited descriptor above stderr in the child.
/// Foundation's `Process` is not used: it hands the child a socket whose closing tells it the
/// child ended, and pg_ctl's daemonized server inherits that socket, so the wait never ends.
enum Subprocess {
    /// Runs `executable` in `/` with stdin from /dev/null and stdout+stderr into `output`;
    /// returns the exit status (128 + signal number when killed).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String], output: URL) throws -> Int32 {
        let outputDescriptor = open(output.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard outputDescriptor >= 0 else {
            throw EmbeddedClusterError.directoryNotWritable(path: output.path, reason: String(cString: strerror(errno)))
        }
        defer { close(outputDescriptor) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 1)
        posix_spawn_file_actions_adddup2(&actions, outputDescriptor, 2)
        // glibc ignores a close action for a descriptor that is no longer open.
        for descriptor in openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        // The shell only changes to `/` (runuser keeps our directory, which may be /root).
        let argv = ["/bin/sh", "-c", "cd / && exec \"$0\" \"$@\"", executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let spawned = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                posix_spawn(&pid, "/bin/sh", &actions, nil, argvPointers, envPointers)
            }
        }
        guard spawned == 0 else {
            throw EmbeddedClusterError.commandFailed(
                command: URL(fileURLWithPath: executable).lastPathComponent, status: -1,
                output: "posix_spawn failed: \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    private static func openDescriptors() -> [Int32] {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).compactMap { Int32($0) }
    }

    /// A NULL-terminated `char *[]` valid during `body`.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> T) -> T {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
