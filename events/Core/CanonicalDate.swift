import Civil
import Foundation

/// Instants in payloads as JSONEncoder's `.iso8601` spells them (`2026-10-14T13:00:00Z`),
/// computed from the calendar arithmetic for whole seconds, the common case; anything else
/// goes through ISO8601DateFormatter as before.
enum CanonicalDate {
    static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        guard seconds == seconds.rounded(.down), abs(seconds) < 253_402_300_800 else { return formatted(date) }
        let whole = Int(seconds)
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let second = whole - days * 86_400
        let (year, month, day) = CivilCalendar.date(fromDays: days)
        guard year >= 0, year <= 9999 else { return formatted(date) }
        var out = ""
        out.reserveCapacity(20)
        pad(year, 4, &out)
        out += "-"
        pad(month, 2, &out)
        out += "-"
        pad(day, 2, &out)
        out += "T"
        pad(second / 3600, 2, &out)
        out += ":"
        pad(second / 60 % 60, 2, &out)
        out += ":"
        pad(second % 60, 2, &out)
        out += "Z"
        return out
    }

    private static func pad(_ value: Int, _ width: Int, _ out: inout String) {
        let digits = String(value)
        if digits.utf8.count < width { out += String(repeating: "0", count: width - digits.utf8.count) }
        out += digits
    }

    private static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
