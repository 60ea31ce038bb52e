/// Errors the CLI maps to exit codes (CONTRACT): usage 2, database 4. Rejections (1) and
/// conflicts (3) have their own types.
public enum AppError: Error, CustomStringConvertible, Sendable {
    /// Malformed input detected outside the parser (exit 2).
    case usage(String, hint: String?)
    /// Database unreachable or schema missing (exit 4).
    case database(String, hint: String)

    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .database(let message, _): return message
        }
    }

    public var hint: String? {
        switch self {
        case .usage(_, let hint): return hint
        case .database(_, let hint): return hint
        }
    }
}
