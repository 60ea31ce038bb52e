import Events
import Foundation

/// An opened edition as the program rules use it: its zone and the instants its dates cover.
public struct Edition: Sendable, Equatable {
    public let opened: ConferenceOpened
    public let zone: TimeZone
    /// From midnight of the first day to midnight after the last day, in the edition's zone.
    public let span: TimeSpan

    /// The edition `id`, read from its stream; refused when it was never opened.
    public static func load(_ id: ConferenceID, _ streams: some StreamReader) throws -> Edition {
        guard let opened = try streams.state(Conference.self, .conference(id)).opened else {
            throw Rejection(
                "unknown-conference", "there is no edition \(id)", hint: "open it with 'citylab conference open', or pass --conference")
        }
        let zone = try Validate.timeZone(opened.timeZone)
        let first = try LocalDate.parse(opened.starts, field: "the edition's start")
        let last = try LocalDate.parse(opened.ends, field: "the edition's end")
        let span = TimeSpan(starts: LocalDateTime.startOfDay(first, in: zone), ends: LocalDateTime.startOfDay(last, plusDays: 1, in: zone))
        return Edition(opened: opened, zone: zone, span: span)
    }

    public func parse(_ text: String, field: String) throws(Rejection) -> Date {
        try LocalDateTime.parse(text, in: zone, field: field)
    }

    public func text(_ span: TimeSpan) -> String { "\(span.text(in: zone)) \(zone.identifier)" }

    /// Refuses a span that ends before it starts or leaves the edition's dates.
    public func check(_ span: TimeSpan) throws(Rejection) {
        guard span.starts < span.ends else {
            throw Rejection(
                "invalid-times",
                "the session would end (\(LocalDateTime.format(span.ends, in: zone))) before or when it starts (\(LocalDateTime.format(span.starts, in: zone)))",
                hint: "give --ends later than --starts")
        }
        guard self.span.contains(span) else {
            throw Rejection(
                "outside-edition",
                "\(text(span)) is outside \(opened.conference), which runs \(opened.starts) to \(opened.ends) (\(zone.identifier))",
                hint: "schedule the session between \(opened.starts)T00:00 and the end of \(opened.ends)")
        }
    }
}
