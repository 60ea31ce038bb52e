import Foundation

/// The canonical spelling of a recorded instant: UTC, microseconds, `Z`
/// (`2026-10-14T13:00:05.123456Z`), as PostgreSQL's `citylab_instant()` writes it.
public enum Instant {
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: ".")
        guard parts.count == 2, parts[1].hasSuffix("Z"), let micros = Int(parts[1].dropLast()), parts[1].count == 7 else {
            return nil
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let seconds = formatter.date(from: parts[0] + "Z") else { return nil }
        return seconds.addingTimeInterval(Double(micros) / 1_000_000)
    }

    /// Formats a date the same way (to the microsecond, rounding down).
    public static func format(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down)
        var micros = Int(((date.timeIntervalSince1970 - whole) * 1_000_000).rounded())
        var seconds = whole
        if micros >= 1_000_000 {
            micros -= 1_000_000
            seconds += 1
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let base = formatter.string(from: Date(timeIntervalSince1970: seconds)).dropLast()
        let digits = String(micros)
        return base + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }
}
