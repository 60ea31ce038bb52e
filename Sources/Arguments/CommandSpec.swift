/// One node of the declarative command tree: a group (has subcommands) or a verb (has arguments).
///
/// A group's own options are inherited by every command below it.
public struct CommandSpec: Sendable, Equatable {
    public let name: String
    /// One line, shown after `OVERVIEW:` and in the parent's `SUBCOMMANDS:` list.
    public let abstract: String
    /// Free text after the overview; `\n` starts a new paragraph line.
    public let discussion: String?
    public let arguments: [ArgumentSpec]
    public let options: [OptionSpec]
    public let subcommands: [CommandSpec]
    /// Full command lines, shown unwrapped under `EXAMPLES:` so they stay copyable.
    public let examples: [String]
    /// A group that also runs by itself when no subcommand is named (`citylab events` prints
    /// the log, `citylab events export` exports it). Its own options apply to that run.
    public let isRunnable: Bool

    public init(
        _ name: String,
        abstract: String,
        discussion: String? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = [],
        examples: [String] = [],
        isRunnable: Bool = false
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.examples = examples
        self.isRunnable = isRunnable
    }

    /// The direct subcommand with this exact name.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
