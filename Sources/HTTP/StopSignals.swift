import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM turned into a call on a thread of their own, reliably.
///
/// A Dispatch signal source is not reliable here: on Linux it reads a signalfd, which only sees
/// a signal while every thread blocks it, and threads started earlier (event loops, database
/// workers) do not — the kernel hands the signal to one of them, the ignored disposition drops
/// it, and the server never stops. A plain handler runs in whichever thread receives the signal
/// and only writes one byte to a pipe (async-signal-safe); a waiting thread reads it and calls
/// `onSignal`. A second signal while stopping ends the process at once (exit 130).
enum StopSignals {
    /// The pipe's write end, set once before the handlers are installed and never changed.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1
    private static let lock = NSLock()
    nonisolated(unsafe) private static var installed = false

    static func install(_ onSignal: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        writeEnd = ends[1]
        installed = true
        let readEnd = ends[0]
        let thread = Thread {
            var received = 0
            var byte: UInt8 = 0
            while true {
                let count = read(readEnd, &byte, 1)
                if count < 0, errno == EINTR { continue }
                guard count == 1 else { return }
                received += 1
                if received == 1 {
                    Thread.detachNewThread { onSignal() }
                } else {
                    _exit(130)
                }
            }
        }
        thread.name = "stop-signals"
        thread.start()
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in
                let saved = errno
                var byte: UInt8 = 1
                _ = write(StopSignals.writeEnd, &byte, 1)
                errno = saved
            }
        }
    }
}
