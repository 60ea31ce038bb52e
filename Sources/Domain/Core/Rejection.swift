/// A business rule refused a command: nothing is written, the CLI exits 1.
/// `rule` is a stable code for scripts; `message` says what is wrong; `hint` what to do.
public struct Rejection: Error, Equatable, Sendable, CustomStringConvertible {
    public let rule: String
    public let message: String
    public let hint: String?

    public init(_ rule: String, _ message: String, hint: String? = nil) {
        self.rule = rule
        self.message = message
        self.hint = hint
    }

    public var description: String { message }

    /// Whether the refusal is about a malformed value (a date that is no date, an empty name, an
    /// unknown role or zone, seats out of range) rather than a business rule: the CLI exits 2 for
    /// these, as CONTRACT asks of "a missing or malformed value". Such codes begin `invalid-`.
    public var isMalformedValue: Bool { rule.hasPrefix("invalid-") }
}
