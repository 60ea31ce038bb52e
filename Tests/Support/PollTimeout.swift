/// What `poll` waited for, and for how long, when the condition never became true.
public struct PollTimeout: Error, CustomStringConvertible, Sendable {
    public let what: String
    public let timeout: Duration
    public let attempts: Int

    public var description: String {
        "timed out after \(timeout) (\(attempts) checks) waiting for \(what)"
    }
}
