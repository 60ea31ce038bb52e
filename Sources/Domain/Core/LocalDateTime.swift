import Civil
import Events
import Foundation

/// Parses the times the CLI passes: `YYYY-MM-DDTHH:MM[:SS]` as wall-clock time in an
/// edition's IANA zone, or a full ISO 8601 value with `Z` or an offset
/// (`2026-10-14T09:00-04:00`). Pure: the zone's rules are data, no clock is read.
public enum LocalDateTime {
    public static let expected = "YYYY-MM-DDTHH:MM (local time of the conference), or ISO 8601 with an offset, e.g. 2026-10-14T09:00-04:00"

    /// The instant `text` names. A local time that does not exist (skipped by a DST change)
    /// is refused; one that occurs twice (clocks turned back) is the earlier instant.
    public static func parse(_ text: String, in zone: TimeZone, field: String) throws(Rejection) -> Date {
        let invalid = Rejection("invalid-time", "\(field) '\(text)' is not a time", hint: "write \(expected)")
        guard let parsed = Parsed(text) else { throw invalid }
        let naive = parsed.secondsAsIfUTC
        if let offset = parsed.offset { return Date(timeIntervalSince1970: TimeInterval(naive - offset)) }
        let instants = localInstants(naive, in: zone)
        guard let earliest = instants.min() else {
            throw Rejection(
                "nonexistent-time", "\(field) '\(text)' does not exist in \(zone.identifier): the clocks skip it (daylight saving)",
                hint: "choose a time outside the skipped hour, or give an offset, e.g. \(text)\(offsetText(zone, naive))")
        }
        return Date(timeIntervalSince1970: TimeInterval(earliest))
    }

    /// The first instant of the calendar day `plusDays` after `date` in `zone` (if midnight
    /// is skipped, the first instant after the gap).
    public static func startOfDay(_ date: LocalDate, plusDays: Int = 0, in zone: TimeZone) -> Date {
        let naive = (CivilCalendar.days(year: date.year, month: date.month, day: date.day) + plusDays) * 86_400
        if let earliest = localInstants(naive, in: zone).min() { return Date(timeIntervalSince1970: TimeInterval(earliest)) }
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - 86_400)))
        return Date(timeIntervalSince1970: TimeInterval(naive - before))
    }

    /// `YYYY-MM-DDTHH:MM` (seconds only when not zero) as the wall clock in `zone` shows `date`.
    public static func format(_ date: Date, in zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = CivilCalendar.date(fromDays: days)
        let time = seconds - days * 86_400
        let text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(time / 3600, 2)):\(pad(time % 3600 / 60, 2))"
        return time % 60 == 0 ? text : text + ":\(pad(time % 60, 2))"
    }

    /// Every instant whose wall clock in `zone` reads `naive` (seconds as if UTC): none in a
    /// gap, two in an overlap. Candidate offsets are the zone's offsets a day either side.
    private static func localInstants(_ naive: Int, in zone: TimeZone) -> [Int] {
        let offsets = Set([-86_400, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + $0))) })
        return offsets.map { naive - $0 }.filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) == naive - $0 }
    }

    private static func offsetText(_ zone: TimeZone, _ naive: Int) -> String {
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive + 86_400)))
        let sign = offset < 0 ? "-" : "+"
        return "\(sign)\(pad(abs(offset) / 3600, 2)):\(pad(abs(offset) % 3600 / 60, 2))"
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }

    /// The fields of `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM|±HHMM]`, range-checked.
    private struct Parsed {
        let date: LocalDate
        let hour: Int, minute: Int, second: Int
        /// Seconds east of UTC, when the text gives one.
        let offset: Int?

        var secondsAsIfUTC: Int {
            CivilCalendar.days(year: date.year, month: date.month, day: date.day) * 86_400 + hour * 3600 + minute * 60 + second
        }

        init?(_ text: String) {
            let chars = Array(text.trimmingCharacters(in: .whitespaces).utf8)
            guard chars.count >= 16, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t"),
                let date = LocalDate(String(decoding: chars[0..<10], as: UTF8.self)),
                chars[13] == UInt8(ascii: ":"), let hour = Parsed.number(chars[11..<13]), let minute = Parsed.number(chars[14..<16]),
                hour < 24, minute < 60
            else { return nil }
            var rest = chars[16...]
            var second = 0
            if rest.first == UInt8(ascii: ":") {
                guard rest.count >= 3, let s = Parsed.number(rest.dropFirst().prefix(2)), s < 60 else { return nil }
                second = s
                rest = rest.dropFirst(3)
            }
            (self.date, self.hour, self.minute, self.second) = (date, hour, minute, second)
            switch Parsed.suffix(Array(rest)) {
            case nil: return nil
            case .local: offset = nil
            case .offset(let seconds): offset = seconds
            }
        }

        private enum Suffix {
            case local
            case offset(Int)
        }

        /// nil when malformed.
        private static func suffix(_ chars: [UInt8]) -> Suffix? {
            if chars.isEmpty { return .local }
            if chars == [UInt8(ascii: "Z")] || chars == [UInt8(ascii: "z")] { return .offset(0) }
            guard let sign = chars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            let digits = chars.dropFirst().filter { $0 != UInt8(ascii: ":") }
            let colonOK = chars.count == 6 ? chars[3] == UInt8(ascii: ":") : chars.count == 5
            guard colonOK, digits.count == 4, let h = number(digits.prefix(2)), let m = number(digits.suffix(2)), h < 24, m < 60
            else { return nil }
            let seconds = h * 3600 + m * 60
            return .offset(sign == UInt8(ascii: "-") ? -seconds : seconds)
        }

        private static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
            guard digits.count == 2, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
    }
}
