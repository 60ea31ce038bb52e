/// Errors the CLI maps to exit codes (CONTRACT): usage 2, database 4, not permitted 5.
/// Rejections (1) and conflicts (3) have their own types.
public enum AppError: Error, CustomStringConvertible, Sendable {
    /// Malformed input detected outside the parser (exit 2).
    case usage(String, hint: String?)
    /// Database unreachable or schema missing (exit 4).
    case database(String, hint: String)
    /// The login's database roles do not allow it (exit 5); nothing was written.
    case notPermitted(String, hint: String)

    /// What an admin does about a missing role of work.
    public static let grantHint = "an admin grants it: citylab staff grant LOGIN ROLE"

    public var description: String {
        switch self {
        case .usage(let message, _): return message
        case .database(let message, _): return message
        case .notPermitted(let message, _): return message
        }
    }

    public var hint: String? {
        switch self {
        case .usage(_, let hint): return hint
        case .database(_, let hint): return hint
        case .notPermitted(_, let hint): return hint
        }
    }
}
