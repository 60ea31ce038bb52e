import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive `flock` on a file, held until `unlock()` or deinit: serializes cluster setup between
/// processes. The descriptor is close-on-exec so a spawned server never inherits the lock.
public final class FileLock {
    private var descriptor: Int32

    public init(path: URL) throws {
        descriptor = open(path.path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EmbeddedClusterError.lockFailed(path: path.path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            throw EmbeddedClusterError.lockFailed(path: path.path, reason: String(cString: strerror(code)))
        }
    }

    deinit {
        unlock()
    }

    public func unlock() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }
}
