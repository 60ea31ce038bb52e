import Civil
import Foundation

/// Exact conversions between `Date` and PostgreSQL's timestamp text, in whole microseconds
/// (PostgreSQL's precision), without `DateFormatter` or the current time zone.
enum PostgresTimestamp {
    private static let microsPerDay: Int64 = 86_400_000_000

    /// `2024-05-01T12:34:56.123456Z`; years before 1 AD get PostgreSQL's ` BC` suffix.
    static func format(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let days = floorDivide(micros, microsPerDay)
        var rest = micros - days * microsPerDay
        let (year, month, day) = civil(days)
        let hour = rest / 3_600_000_000
        rest %= 3_600_000_000
        let minute = rest / 60_000_000
        rest %= 60_000_000
        let second = rest / 1_000_000
        let fraction = rest % 1_000_000
        let displayYear = year > 0 ? year : 1 - year
        var text = pad(displayYear, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "." + pad(fraction, 6) + "Z"
        return year > 0 ? text : text + " BC"
    }

    /// Parses ISO-style output (`2024-05-01 12:34:56.123456+05:30`, any offset, optional
    /// fraction, `T`/`Z` accepted, no offset read as UTC, ` BC`, `infinity`); nil if the text is not a timestamp.
    static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        var scanner = ByteScanner(text)
        guard let year = scanner.number(minDigits: 4, maxDigits: 6), scanner.take("-"),
            let month = scanner.number(minDigits: 2, maxDigits: 2), scanner.take("-"),
            let day = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(" ") || scanner.take("T"),
            let hour = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(":"),
            let minute = scanner.number(minDigits: 2, maxDigits: 2), scanner.take(":"),
            let second = scanner.number(minDigits: 2, maxDigits: 2)
        else { return nil }
        var fraction: Int64 = 0
        if scanner.take(".") {
            var digits = 0
            while let digit = scanner.digit() {
                if digits < 6 { fraction = fraction * 10 + digit }
                digits += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 6) { fraction *= 10 }
        }
        var offsetSeconds: Int64 = 0
        if scanner.take("Z") || scanner.isAtEnd || scanner.take(" BC", keepingIt: true) {
            offsetSeconds = 0  // `timestamp` without time zone: read as UTC
        } else {
            let sign: Int64
            if scanner.take("+") { sign = 1 } else if scanner.take("-") { sign = -1 } else { return nil }
            guard let offsetHours = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
            var offset = offsetHours * 3600
            if scanner.take(":") {
                guard let offsetMinutes = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                offset += offsetMinutes * 60
                if scanner.take(":") {
                    guard let offsetSecs = scanner.number(minDigits: 2, maxDigits: 2) else { return nil }
                    offset += offsetSecs
                }
            }
            offsetSeconds = sign * offset
        }
        let isBC = scanner.take(" BC")
        guard scanner.isAtEnd, (1...12).contains(month), (1...31).contains(day), hour < 25, minute < 60, second < 61
        else { return nil }
        let days = Int64(CivilCalendar.days(year: Int(isBC ? 1 - year : year), month: Int(month), day: Int(day)))
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let micros = seconds * 1_000_000 + fraction
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    private static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let date = CivilCalendar.date(fromDays: Int(days))
        return (Int64(date.year), Int64(date.month), Int64(date.day))
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
