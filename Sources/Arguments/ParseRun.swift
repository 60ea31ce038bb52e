/// One left-to-right pass over a command line, walking down the command tree.
///
/// Syntax: `--name value`, `--name=value`, `-n value`, flags `--json`, `--` ends options.
/// After an option that takes a value, the next token is its value unless it starts with `--`
/// or is a known short option (`-h`, `-n`): so `--capacity -5` and `--name ""` are values,
/// while `--name --json` is a missing value (write `--name=--json` to mean it).
struct ParseRun {
    /// The end of a successful pass, before help is rendered.
    enum Result: Equatable {
        case run(ParsedCommand)
        case help(path: [String], isExplicit: Bool)
    }

    let tokens: [String]
    private let programName: String
    private(set) var path: [String] = []
    private(set) var isHelpRequested = false
    private var command: CommandSpec
    /// Options accepted at this depth: globals, then each command's along the path.
    /// Later entries shadow earlier ones with the same name.
    private var scope: [OptionSpec]
    private var index = 0
    private var positionals: [String] = []
    private var values: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var isHelpWord = false
    private var isAfterTerminator = false

    init(root: CommandSpec, globals: [OptionSpec], tokens: [String]) {
        self.tokens = tokens
        self.programName = root.name
        self.command = root
        self.scope = globals + root.options
    }

    /// Whether `--help` or `-h` appears anywhere before `--`: it wins over any usage error.
    var mentionsHelp: Bool {
        tokens.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
    }

    private var commandName: String {
        ([programName] + path).joined(separator: " ")
    }

    mutating func execute() throws(ArgumentsError) -> Result {
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            if isAfterTerminator {
                try positional(token)
            } else if token == "--" {
                isAfterTerminator = true
            } else if token == "--help" || token == "-h" {
                isHelpRequested = true
            } else if token.hasPrefix("--") {
                try longOption(token)
            } else if token.hasPrefix("-") && token.count > 1 {
                try shortOption(token)
            } else {
                try positional(token)
            }
        }
        if isHelpRequested || isHelpWord { return .help(path: path, isExplicit: true) }
        if !command.subcommands.isEmpty && !command.isRunnable {
            return .help(path: path, isExplicit: false)
        }
        let arguments = try bindArguments()
        try checkRequiredOptions()
        var defaults: [String: String] = [:]
        for option in scope where option.takesValue {
            defaults[option.long] = option.defaultValue
        }
        return .run(
            ParsedCommand(
                path: path, arguments: arguments, options: values, flags: flags, defaults: defaults))
    }

    // MARK: Tokens

    private mutating func positional(_ token: String) throws(ArgumentsError) {
        guard !command.subcommands.isEmpty, positionals.isEmpty else {
            if isHelpWord {
                throw ArgumentsError(
                    .unknownCommand, "'\(commandName)' has no subcommand '\(token)'", path: path)
            }
            positionals.append(token)
            return
        }
        if let child = command.subcommand(named: token) {
            path.append(child.name)
            command = child
            scope += child.options
        } else if token == "help" && !isHelpWord {
            isHelpWord = true
        } else {
            throw unknownCommand(token)
        }
    }

    private mutating func longOption(_ token: String) throws(ArgumentsError) {
        let body = token.dropFirst(2)
        let name: String
        var inlineValue: String?
        if let equals = body.firstIndex(of: "=") {
            name = String(body[..<equals])
            inlineValue = String(body[body.index(after: equals)...])
        } else {
            name = String(body)
        }
        guard let option = scope.last(where: { $0.long == name }) else {
            throw unknownOption(token, name: name)
        }
        guard option.takesValue else {
            guard inlineValue == nil else {
                throw ArgumentsError(
                    .invalidValue, "--\(name) is a flag and takes no value; got '\(token)'",
                    path: path)
            }
            flags.insert(option.long)
            return
        }
        if let inlineValue {
            try record(inlineValue, for: option)
        } else {
            try record(try nextValue(for: option), for: option)
        }
    }

    private mutating func shortOption(_ token: String) throws(ArgumentsError) {
        let letter = token.dropFirst()
        guard letter.count == 1, let option = scope.last(where: { $0.short == letter.first }) else {
            throw unknownOption(token, name: nil)
        }
        guard option.takesValue else {
            flags.insert(option.long)
            return
        }
        try record(try nextValue(for: option), for: option)
    }

    private mutating func nextValue(for option: OptionSpec) throws(ArgumentsError) -> String {
        guard index < tokens.count else {
            throw ArgumentsError(
                .missingValue, "missing value for '\(option.synopsis)'", path: path)
        }
        let next = tokens[index]
        if next.hasPrefix("--") || isKnownShortOption(next) {
            throw ArgumentsError(
                .missingValue,
                "missing value for '\(option.synopsis)' before '\(next)'; "
                    + "write '--\(option.long)=\(next)' if that is the value",
                path: path)
        }
        index += 1
        return next
    }

    private func isKnownShortOption(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count == 2, let letter = token.last else { return false }
        return letter == "h" || scope.contains { $0.short == letter }
    }

    private mutating func record(_ value: String, for option: OptionSpec) throws(ArgumentsError) {
        if let allowed = option.allowedValues, !allowed.contains(value) {
            var message =
                "--\(option.long) must be one of: \(allowed.joined(separator: ", ")); got '\(value)'"
            if let suggestion = closestMatch(to: value, among: allowed) {
                message += ". Did you mean '\(suggestion)'?"
            }
            throw ArgumentsError(.invalidValue, message, path: path)
        }
        values[option.long, default: []].append(value)
    }

    // MARK: After the last token

    private func bindArguments() throws(ArgumentsError) -> [String: [String]] {
        var remaining = positionals[...]
        var bound: [String: [String]] = [:]
        for spec in command.arguments {
            if spec.isRepeating {
                if !remaining.isEmpty { bound[spec.name] = Array(remaining) }
                remaining = []
            } else if let value = remaining.popFirst() {
                bound[spec.name] = [value]
            }
            if bound[spec.name] == nil && !spec.isOptional {
                throw ArgumentsError(
                    .missingArgument, "missing argument '<\(spec.name)>' for '\(commandName)'",
                    path: path)
            }
        }
        if let extra = remaining.first {
            let limit =
                command.arguments.isEmpty ? "it takes none" : "it takes at most \(command.arguments.count)"
            throw ArgumentsError(
                .unexpectedArgument, "unexpected argument '\(extra)' for '\(commandName)' (\(limit))",
                path: path)
        }
        return bound
    }

    private func checkRequiredOptions() throws(ArgumentsError) {
        var missing: [String] = []
        for (position, option) in scope.enumerated()
        where option.isRequired && option.defaultValue == nil && values[option.long] == nil
            && !scope[(position + 1)...].contains(where: { $0.long == option.long })
        {
            missing.append("'\(option.synopsis)'")
        }
        guard !missing.isEmpty else { return }
        let noun = missing.count == 1 ? "option" : "options"
        throw ArgumentsError(
            .missingOption,
            "missing required \(noun) \(missing.joined(separator: ", ")) for '\(commandName)'",
            path: path)
    }

    // MARK: Errors with suggestions

    private func unknownCommand(_ token: String) -> ArgumentsError {
        let names = command.subcommands.map(\.name)
        var message = "unknown command '\(token)' for '\(commandName)'"
        if let suggestion = closestMatch(to: token, among: names) {
            message += ". Did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(names.joined(separator: ", "))"
        }
        return ArgumentsError(.unknownCommand, message, path: path)
    }

    private func unknownOption(_ token: String, name: String?) -> ArgumentsError {
        var message = "unknown option '\(token)' for '\(commandName)'"
        if let name, let suggestion = closestMatch(to: name, among: scope.map(\.long) + ["help"]) {
            message += ". Did you mean '--\(suggestion)'?"
        } else if token.dropFirst().allSatisfy({ $0.isNumber || $0 == "." }) {
            message += "; to pass a value that starts with '-', put it after '--'"
        }
        return ArgumentsError(.unknownOption, message, path: path)
    }
}
