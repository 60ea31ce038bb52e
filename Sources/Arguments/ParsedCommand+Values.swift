extension ParsedCommand {
    /// `--long` as a whole number; nil when absent.
    /// - Throws: `.invalidValue`, e.g. "--capacity expects a whole number, got 'ten'".
    public func int(_ long: String) throws(ArgumentsError) -> Int? {
        try option(long, expecting: "a whole number") { Int($0) }
    }

    /// The value of `--long`, or its default.
    /// - Throws: `.missingOption` when there is neither.
    public func requiredOption(_ long: String) throws(ArgumentsError) -> String {
        guard let value = option(long) else {
            throw ArgumentsError(.missingOption, "missing required option '--\(long)'", path: path)
        }
        return value
    }

    /// `--long` converted by `transform`; nil when absent.
    /// - Parameter expecting: what a good value is, for the message ("a date YYYY-MM-DD").
    /// - Throws: `.invalidValue` "--\(long) expects \(expecting), got '…'" when `transform` gives nil.
    public func option<T>(
        _ long: String, expecting: String, _ transform: (String) -> T?
    ) throws(ArgumentsError) -> T? {
        try convert(option(long), named: "--\(long)", expecting: expecting, transform)
    }

    /// The positional argument `name` converted by `transform`; nil when absent.
    /// - Throws: `.invalidValue` "<\(name)> expects \(expecting), got '…'" when `transform` gives nil.
    public func argument<T>(
        _ name: String, expecting: String, _ transform: (String) -> T?
    ) throws(ArgumentsError) -> T? {
        try convert(argument(name), named: "<\(name)>", expecting: expecting, transform)
    }

    private func convert<T>(
        _ raw: String?, named label: String, expecting: String, _ transform: (String) -> T?
    ) throws(ArgumentsError) -> T? {
        guard let raw else { return nil }
        guard let value = transform(raw) else {
            throw ArgumentsError(.invalidValue, "\(label) expects \(expecting), got '\(raw)'", path: path)
        }
        return value
    }
}
