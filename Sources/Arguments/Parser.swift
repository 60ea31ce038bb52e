/// Parses a command line against a ``CommandSpec`` tree and renders its help.
///
/// Nothing is printed: the caller prints help to stdout, errors to stderr, and picks the exit code.
public struct Parser: Sendable {
    public let root: CommandSpec
    /// Accepted anywhere on the line, before or after the group and verb; listed on every help page.
    public let globalOptions: [OptionSpec]

    public init(root: CommandSpec, globalOptions: [OptionSpec] = []) {
        self.root = root
        self.globalOptions = globalOptions
    }

    /// Parses `argv` without the program name.
    ///
    /// `--help` or `-h` anywhere before `--`, and `help <command>` where a subcommand is
    /// expected, give `.help(text, isExplicit: true)` for the deepest command named, even
    /// when the rest of the line has a usage error. A group without its subcommand gives
    /// `.help(text, isExplicit: false)`.
    /// - Throws: ``ArgumentsError`` saying what is wrong and how to fix it.
    public func parse(_ argv: [String]) throws(ArgumentsError) -> ParseOutcome {
        var run = ParseRun(root: root, globals: globalOptions, tokens: argv)
        let result: ParseRun.Result
        do throws(ArgumentsError) {
            result = try run.execute()
        } catch {
            if run.isHelpRequested || run.mentionsHelp {
                return .help(help(for: run.path), isExplicit: true)
            }
            throw error
        }
        switch result {
        case .run(let command):
            return .run(command)
        case .help(let path, let isExplicit):
            return .help(help(for: path), isExplicit: isExplicit)
        }
    }

    /// The help page of the command at `path` (below the program name); unknown trailing
    /// names are ignored, giving the help of the deepest known command.
    public func help(for path: [String]) -> String {
        generator(for: path).render()
    }

    /// The one-line usage of the command at `path`, without a `USAGE:` prefix and unwrapped:
    /// `citylab attendee cancel [--reason <reason>] <attendee>`.
    public func usage(for path: [String]) -> String {
        generator(for: path).usage
    }

    /// `see 'citylab attendee register --help'`, for the line after an error.
    public func hint(for error: ArgumentsError) -> String {
        hint(for: error.path)
    }

    /// `see 'citylab attendee register --help'` for the command at `path`.
    public func hint(for path: [String]) -> String {
        let resolved = generator(for: path)
        let name = (resolved.ancestors + [resolved.command]).map(\.name).joined(separator: " ")
        return "see '\(name) --help'"
    }

    private func generator(for path: [String]) -> HelpGenerator {
        var ancestors: [CommandSpec] = []
        var command = root
        for name in path {
            guard let child = command.subcommand(named: name) else { break }
            ancestors.append(command)
            command = child
        }
        return HelpGenerator(ancestors: ancestors, command: command, globals: globalOptions)
    }
}
