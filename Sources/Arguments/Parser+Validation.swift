extension Parser {
    /// Mistakes in the command tree that would make some lines ambiguous or unreachable, one
    /// sentence each; empty when the tree is sound. The parser works regardless; call this from
    /// a test so a bad spec fails the build instead of confusing a user.
    public func specProblems() -> [String] {
        var problems: [String] = []
        problems += optionProblems(globalOptions, inherited: [], at: "global options")
        check(root, ancestors: [], inherited: globalOptions, into: &problems)
        return problems
    }

    private func check(
        _ command: CommandSpec, ancestors: [String], inherited: [OptionSpec],
        into problems: inout [String]
    ) {
        let name = (ancestors + [command.name]).joined(separator: " ")
        problems += optionProblems(command.options, inherited: inherited, at: "'\(name)'")
        problems += argumentProblems(command, at: "'\(name)'")
        var seen: Set<String> = []
        for child in command.subcommands {
            if !seen.insert(child.name).inserted {
                problems.append("'\(name)' has two subcommands named '\(child.name)'")
            }
            if child.name.isEmpty || child.name.hasPrefix("-") {
                problems.append("'\(name)' has a subcommand named '\(child.name)'")
            }
            check(
                child, ancestors: ancestors + [command.name], inherited: inherited + command.options,
                into: &problems)
        }
    }

    private func optionProblems(_ options: [OptionSpec], inherited: [OptionSpec], at place: String)
        -> [String]
    {
        var problems: [String] = []
        var longs: Set<String> = Set(inherited.map(\.long) + ["help"])
        var shorts: Set<Character> = Set(inherited.compactMap(\.short) + ["h"])
        for option in options {
            if option.long.isEmpty || option.long.hasPrefix("-") || option.long.contains("=") {
                problems.append("\(place): '--\(option.long)' is not a usable option name")
            }
            if !longs.insert(option.long).inserted {
                problems.append("\(place): '--\(option.long)' is declared twice or shadows another option")
            }
            if let short = option.short, !shorts.insert(short).inserted {
                problems.append("\(place): '-\(short)' is declared twice or shadows another option")
            }
            if let allowed = option.allowedValues, let value = option.defaultValue,
                !allowed.contains(value)
            {
                problems.append(
                    "\(place): the default of '--\(option.long)' is not one of its allowed values")
            }
        }
        return problems
    }

    private func argumentProblems(_ command: CommandSpec, at place: String) -> [String] {
        var problems: [String] = []
        if !command.subcommands.isEmpty && !command.arguments.isEmpty {
            problems.append("\(place) has both subcommands and arguments; the arguments are never bound")
        }
        var hasOptionalBefore = false
        for (position, argument) in command.arguments.enumerated() {
            if argument.isRepeating && position != command.arguments.count - 1 {
                problems.append("\(place): repeating argument '<\(argument.name)>' is not the last")
            }
            if hasOptionalBefore && !argument.isOptional {
                problems.append("\(place): required argument '<\(argument.name)>' follows an optional one")
            }
            hasOptionalBefore = hasOptionalBefore || argument.isOptional
        }
        return problems
    }
}
