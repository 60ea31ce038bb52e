/// A usage error: what is wrong with the command line and how to fix it.
///
/// `path` names the command being parsed (without the program name), so the caller can add
/// `hint: see 'citylab attendee register --help'` (``Parser/hint(for:)``) and exit 2.
/// The CLI may throw its own for checks the parser cannot make (an empty `--name`).
public struct ArgumentsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let kind: Kind
    /// One line, no `error:` prefix, no trailing period unless a sentence follows.
    public let message: String
    /// The command path where the problem was found, e.g. `["attendee", "register"]`.
    public let path: [String]

    public init(_ kind: Kind, _ message: String, path: [String]) {
        self.kind = kind
        self.message = message
        self.path = path
    }

    public var description: String { message }
}
