import Glibc

/// A failed system call, with errno captured right where it failed.
public struct SystemError: Error, Sendable, CustomStringConvertible {
    /// The call that failed, e.g. "bind 127.0.0.1:8080".
    public let operation: String
    public let errno: Int32

    init(_ operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
