/// Renders the help page of one command in fixed sections, as swift-argument-parser does:
/// OVERVIEW, USAGE, ARGUMENTS, OPTIONS, GLOBAL OPTIONS, SUBCOMMANDS, EXAMPLES.
struct HelpGenerator {
    /// One line of a two-column section.
    struct Row {
        let label: String
        let text: String
    }

    /// From the root to the described command, inclusive.
    let ancestors: [CommandSpec]
    let command: CommandSpec
    let globals: [OptionSpec]

    static let helpRow = Row(label: "-h, --help", text: "Show help information.")
    /// Help text starts at this column at the latest; longer labels get a line of their own.
    static let maximumColumn = 30

    private var commandName: String {
        (ancestors + [command]).map(\.name).joined(separator: " ")
    }

    /// Own options, then those inherited from groups above, nearest first.
    private var commandOptions: [OptionSpec] {
        command.options + ancestors.reversed().flatMap(\.options)
    }

    /// The usage atoms after the command name: `<subcommand>` for a group, else options then
    /// arguments, then `[<subcommand>]` for a group that also runs by itself.
    private var usageAtoms: [String] {
        if command.subcommands.isEmpty {
            return command.options.map(\.usageToken) + command.arguments.map(\.usageToken)
        }
        if !command.isRunnable { return ["<subcommand>"] }
        return command.options.map(\.usageToken) + command.arguments.map(\.usageToken) + [
            "[<subcommand>]"
        ]
    }

    /// `citylab attendee register --name <name> [--city <city>] <file>` on one line.
    var usage: String {
        ([commandName] + usageAtoms).joined(separator: " ")
    }

    func render() -> String {
        var sections: [[String]] = []
        var overview = TextWrapper.wrap(
            prose: command.abstract, firstPrefix: "OVERVIEW: ", restPrefix: "")
        if let discussion = command.discussion {
            overview += [""] + TextWrapper.wrap(prose: discussion, firstPrefix: "", restPrefix: "")
        }
        sections.append(overview)
        let usagePrefix = "USAGE: "
        sections.append(
            TextWrapper.wrap(
                [commandName] + usageAtoms, firstPrefix: usagePrefix,
                restPrefix: String(repeating: " ", count: usagePrefix.count)))

        let arguments = command.arguments.map { Row(label: "<\($0.name)>", text: $0.help) }
        let options =
            commandOptions.map { Row(label: $0.helpLabel, text: $0.helpText) } + [Self.helpRow]
        let globalRows = globals.map { Row(label: $0.helpLabel, text: $0.helpText) }
        let subcommands = command.subcommands.map { Row(label: $0.name, text: $0.abstract) }
        let column = Self.column(for: arguments + options + globalRows + subcommands)

        if !arguments.isEmpty { sections.append(["ARGUMENTS:"] + Self.lines(arguments, column)) }
        sections.append(["OPTIONS:"] + Self.lines(options, column))
        if !globalRows.isEmpty { sections.append(["GLOBAL OPTIONS:"] + Self.lines(globalRows, column)) }
        if !subcommands.isEmpty {
            sections.append(
                ["SUBCOMMANDS:"] + Self.lines(subcommands, column)
                    + ["", "  See '\(commandName) help <subcommand>' for detailed help."])
        }
        if !command.examples.isEmpty {
            sections.append(["EXAMPLES:"] + command.examples.map { "  " + $0 })
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The column where help text starts: after the longest label that fits, plus a gap.
    private static func column(for rows: [Row]) -> Int {
        let fitting = rows.map { 2 + $0.label.count + 2 }.filter { $0 <= maximumColumn }
        return fitting.max() ?? maximumColumn
    }

    private static func lines(_ rows: [Row], _ column: Int) -> [String] {
        let indent = String(repeating: " ", count: column)
        return rows.flatMap { row -> [String] in
            let label = "  " + row.label
            if label.count + 2 > column {
                return [label] + TextWrapper.wrap(prose: row.text, firstPrefix: indent, restPrefix: indent)
            }
            let padded = label + String(repeating: " ", count: column - label.count)
            return TextWrapper.wrap(prose: row.text, firstPrefix: padded, restPrefix: indent)
        }
    }
}
