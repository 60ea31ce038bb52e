/// A row the import refused, reported as `line N: reason`; nothing of it is written.
public struct RejectedRow: Equatable, Sendable {
    public let line: Int
    /// The stable rule code (`invalid-email`, `duplicate-in-file`, `malformed-row`, …).
    public let rule: String
    public let reason: String
    public let hint: String?

    public init(line: Int, rule: String, reason: String, hint: String? = nil) {
        (self.line, self.rule, self.reason, self.hint) = (line, rule, reason, hint)
    }

    public var description: String { "line \(line): \(reason)" }
}
