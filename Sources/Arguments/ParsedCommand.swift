/// A successfully parsed command line: which command, and the values given to it.
///
/// Values are kept as given (Unicode untouched, empty strings kept); checking that a
/// value is non-empty or well-formed beyond `allowedValues` is the caller's job, with
/// the typed accessors in `ParsedCommand+Values.swift` for the common cases.
public struct ParsedCommand: Sendable, Equatable {
    /// The chosen command below the program, e.g. `["attendee", "register"]`.
    public let path: [String]
    let argumentValues: [String: [String]]
    let optionValues: [String: [String]]
    let setFlags: Set<String>
    let defaults: [String: String]

    /// Builds a parsed command directly, for tests of code that consumes one.
    /// `options` maps long names to their values in order; `defaults` backs absent options.
    public init(
        path: [String],
        arguments: [String: [String]] = [:],
        options: [String: [String]] = [:],
        flags: Set<String> = [],
        defaults: [String: String] = [:]
    ) {
        self.path = path
        self.argumentValues = arguments
        self.optionValues = options
        self.setFlags = flags
        self.defaults = defaults
    }

    /// The value of a positional argument, nil when an optional one was not given.
    public func argument(_ name: String) -> String? {
        argumentValues[name]?.first
    }

    /// Every value of a repeating argument, in order.
    public func arguments(_ name: String) -> [String] {
        argumentValues[name] ?? []
    }

    /// The last value given for `--long`, else its default, else nil.
    public func option(_ long: String) -> String? {
        optionValues[long]?.last ?? defaults[long]
    }

    /// Every value given for `--long`, in order; the default alone when none was given.
    public func options(_ long: String) -> [String] {
        if let given = optionValues[long] { return given }
        return defaults[long].map { [$0] } ?? []
    }

    /// Whether `--long` was given on the line (a default does not count).
    public func hasOption(_ long: String) -> Bool {
        optionValues[long] != nil
    }

    /// Whether the flag `--long` was given.
    public func flag(_ long: String) -> Bool {
        setFlags.contains(long)
    }
}
