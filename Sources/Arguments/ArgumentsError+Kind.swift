extension ArgumentsError {
    /// The family of a usage error, for callers and tests that branch on it.
    public enum Kind: String, Sendable, Equatable {
        case unknownCommand
        case unknownOption
        case missingValue
        case missingArgument
        case missingOption
        case unexpectedArgument
        case invalidValue
    }
}
