/// A positional argument of a command, bound in declaration order.
///
/// At most the last argument of a command may be repeating; optional arguments
/// come after the required ones (see ``Parser/specProblems()``).
public struct ArgumentSpec: Sendable, Equatable {
    /// The name used in help (`<attendee>`) and by ``ParsedCommand/argument(_:)``.
    public let name: String
    public let help: String
    public let isOptional: Bool
    /// Takes every remaining positional value; at least one unless optional.
    public let isRepeating: Bool

    public init(_ name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }

    /// `<name>`, `[<name>]`, `<name> ...` or `[<name> ...]`, as shown in usage lines.
    var usageToken: String {
        let core = isRepeating ? "<\(name)> ..." : "<\(name)>"
        return isOptional ? "[\(core)]" : core
    }
}
