import Dispatch
import Foundation
import Synchronization

/// Collects access-log lines from the loop threads and writes them to a file descriptor from a
/// thread of its own, at most every `interval`: a loop never waits on a slow stderr.
public final class AccessLogWriter: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var dropped = 0
        var isStopped = false
    }

    private let descriptor: Int32
    private let interval: Duration
    private let limit: Int
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchGroup()

    /// Writes to `descriptor` (2: stderr); keeps at most `limit` bytes waiting, dropping (and
    /// counting) lines beyond it.
    public init(descriptor: Int32 = 2, interval: Duration = .milliseconds(100), limit: Int = 4 << 20) {
        (self.descriptor, self.interval, self.limit) = (descriptor, interval, limit)
        finished.enter()
        let thread = Thread { [self] in
            run()
            finished.leave()
        }
        thread.name = "readapi-access-log"
        thread.start()
    }

    /// Queues one line (a newline is added).
    public func write(_ line: String) {
        state.withLock { state in
            guard state.buffer.count < limit else {
                state.dropped += 1
                return
            }
            state.buffer.append(contentsOf: line.utf8)
            state.buffer.append(10)
        }
    }

    /// Writes what is queued and stops the thread.
    public func stop() {
        state.withLock { $0.isStopped = true }
        wakeup.signal()
        finished.wait()
    }

    private func run() {
        let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        while true {
            _ = wakeup.wait(timeout: .now() + .milliseconds(max(1, milliseconds)))
            let (bytes, dropped, isStopped) = state.withLock { state in
                defer {
                    state.buffer.removeAll(keepingCapacity: true)
                    state.dropped = 0
                }
                return (state.buffer, state.dropped, state.isStopped)
            }
            var out = bytes
            if dropped > 0 { out += Array("access log: \(dropped) lines dropped (stderr too slow)\n".utf8) }
            var offset = 0
            while offset < out.count {
                let written = out[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { break }
                offset += written
            }
            if isStopped { return }
        }
    }
}
