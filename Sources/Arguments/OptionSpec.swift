/// A named option (`--name value`) or flag (`--json`) of a command or of the whole program.
///
/// Build one with ``option(_:short:valueName:help:isRequired:isRepeating:defaultValue:allowedValues:)``
/// or ``flag(_:short:help:)``.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes: `"name"` for `--name`.
    public let long: String
    public let short: Character?
    /// Shown in help and usage as `<valueName>`; unused by flags.
    public let valueName: String
    public let help: String
    /// False for flags.
    public let takesValue: Bool
    /// The parse fails with a missing-option error when a required option is absent and has no default.
    public let isRequired: Bool
    /// Documents that values collect in order; a non-repeating option given twice keeps the last value.
    public let isRepeating: Bool
    public let defaultValue: String?
    /// When set, every value must be one of these, else the parse fails listing them.
    public let allowedValues: [String]?

    /// An option that takes a value.
    public static func option(
        _ long: String,
        short: Character? = nil,
        valueName: String = "value",
        help: String,
        isRequired: Bool = false,
        isRepeating: Bool = false,
        defaultValue: String? = nil,
        allowedValues: [String]? = nil
    ) -> OptionSpec {
        OptionSpec(
            long: long, short: short, valueName: valueName, help: help, takesValue: true,
            isRequired: isRequired, isRepeating: isRepeating, defaultValue: defaultValue,
            allowedValues: allowedValues)
    }

    /// A boolean switch; present means true. `--flag=value` is refused.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(
            long: long, short: short, valueName: "", help: help, takesValue: false,
            isRequired: false, isRepeating: false, defaultValue: nil, allowedValues: nil)
    }

    /// `--name` or `--name <value>`.
    var synopsis: String {
        takesValue ? "--\(long) <\(valueName)>" : "--\(long)"
    }

    /// The synopsis as it appears in a usage line: brackets when optional, `...` when repeating.
    var usageToken: String {
        let core = isRepeating ? "\(synopsis) ..." : synopsis
        return isRequired && defaultValue == nil ? core : "[\(core)]"
    }

    /// The left column of help: `-n, --name <name>`.
    var helpLabel: String {
        if let short { return "-\(short), \(synopsis)" }
        return synopsis
    }

    /// The right column of help, with repetition, allowed values and default appended.
    var helpText: String {
        var text = help
        if isRepeating { text += " (can be repeated)" }
        if let allowedValues { text += " (values: \(allowedValues.joined(separator: ", ")))" }
        if let defaultValue { text += " (default: \(defaultValue))" }
        return text
    }
}
