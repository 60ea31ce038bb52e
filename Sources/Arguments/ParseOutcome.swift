/// What the caller should do with a command line.
public enum ParseOutcome: Sendable, Equatable {
    /// Run this command.
    case run(ParsedCommand)
    /// Print this help text. `isExplicit` is true for `--help`, `-h` and `help <command>`
    /// (exit 0), false when a group was named without a subcommand (a usage error: exit 2).
    case help(String, isExplicit: Bool)
}
