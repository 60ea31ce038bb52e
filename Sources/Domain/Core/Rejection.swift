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
}
