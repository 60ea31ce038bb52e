/// A calendar date `YYYY-MM-DD` with no zone, as editions and openings are dated.
public struct LocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...LocalDate.daysIn(month: m, year: y)).contains(d), y >= 1900
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    public static func parse(_ text: String, field: String) throws(Rejection) -> LocalDate {
        guard let date = LocalDate(text) else {
            throw Rejection(
                "invalid-date", "\(field) '\(text)' is not a date from 1900 on", hint: "write dates as YYYY-MM-DD, e.g. 2026-10-14")
        }
        return date
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: LocalDate, b: LocalDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}
