import Domain
import Foundation

/// Dates and times as people read them, in the edition's zone, without a DateFormatter (the
/// loop threads render pages and must not share formatter state).
enum LocalTimes {
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// `2026-10-14T15:00:00Z` → `2026-10-14T10:00` in `zone` (the text itself when unparsable).
    static func local(_ instant: String, _ zone: TimeZone) -> String {
        guard let date = try? Date(instant, strategy: .iso8601) else { return instant }
        return LocalDateTime.format(date, in: zone)
    }

    /// `2026-10-14…` → "Wednesday 14 October 2026".
    static func dayHeading(_ local: String) -> String {
        let parts = local.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return String(local.prefix(10)) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        return "\(weekdays[weekday(year, month, day)]) \(day) \(months[month - 1]) \(year)"
    }

    /// `2026-10-14T10:00` → "10:00".
    static func clock(_ local: String) -> String {
        local.count >= 16 ? String(local.dropFirst(11).prefix(5)) : local
    }

    /// "America/Bogota (UTC−05:00)", the offset as of `instant` (or now).
    static func zoneLabel(_ identifier: String, at instant: String?) -> String {
        guard let zone = TimeZone(identifier: identifier) else { return identifier }
        let date = instant.flatMap { try? Date($0, strategy: .iso8601) } ?? Date()
        let offset = zone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "−" : "+"
        let minutes = abs(offset) / 60
        let text = "\(sign)\(minutes / 60 < 10 ? "0" : "")\(minutes / 60):\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)"
        return "\(identifier) (UTC\(text))"
    }

    /// 0 = Sunday (Sakamoto's method, Gregorian calendar).
    static func weekday(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }
}
