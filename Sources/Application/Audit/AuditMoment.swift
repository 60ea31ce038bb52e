import Foundation

/// The moment an audit looks at: the whole log, the log up to and including a position, or
/// the log up to the last event recorded at or before an instant (`recorded_at` never goes
/// backwards, so an instant maps to exactly one position).
public enum AuditMoment: Sendable, Equatable {
    case now
    case position(Int64)
    /// An ISO 8601 instant as given, already checked by `parseInstant`.
    case instant(String)

    /// `--as-of` and `--position` as typed (at most one): a usage error (exit 2) when both are
    /// given, a position is negative, or an instant is malformed.
    public static func parse(asOf: String?, position: String?) throws -> AuditMoment {
        switch (asOf, position) {
        case (nil, nil): return .now
        case (.some, .some):
            throw AppError.usage(
                "give --as-of or --position, not both", hint: "--position N is the log up to N; --as-of T the log up to time T")
        case (nil, let text?):
            guard let value = Int64(text.trimmingCharacters(in: .whitespaces)), value >= 0 else {
                throw AppError.usage("--position expects a position (0 or more), got '\(text)'", hint: "e.g. --position 1200")
            }
            return .position(value)
        case (let text?, nil):
            return .instant(try parseInstant(text))
        }
    }

    /// Checks the shape of an ISO 8601 instant: `YYYY-MM-DD`, optionally `THH:MM[:SS[.ffffff]]`
    /// with `Z` or an offset. A date alone means its start (00:00 UTC). Returns the text
    /// PostgreSQL is asked to read (it checks the calendar: a 31 February is refused there).
    public static func parseInstant(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let date = /\d{4}-\d{2}-\d{2}/
        let full = /\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?([Zz]|[+-]\d{2}(:?\d{2})?)/
        if trimmed.wholeMatch(of: date) != nil { return trimmed + "T00:00:00Z" }
        if trimmed.wholeMatch(of: full) != nil { return trimmed }
        throw malformed(text)
    }

    static func malformed(_ text: String) -> AppError {
        AppError.usage(
            "--as-of expects an ISO 8601 instant with a zone, got '\(text)'",
            hint: "e.g. --as-of 2026-06-01T12:00:00Z or --as-of 2026-06-01T07:00-05:00 (a date alone means 00:00 UTC)")
    }
}
