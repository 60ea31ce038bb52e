import Foundation

/// The zone beside every time on a page, short enough for a 390-px phone: "UTC−5", "UTC+5:30".
enum HTMLZone {
    static func short(_ identifier: String, at instant: String) -> String {
        guard let zone = TimeZone(identifier: identifier) else { return identifier }
        let date = (try? Date(instant, strategy: .iso8601)) ?? Date()
        let offset = zone.secondsFromGMT(for: date)
        if offset == 0 { return "UTC" }
        let minutes = abs(offset) / 60
        let rest = minutes % 60
        return "UTC\(offset < 0 ? "−" : "+")\(minutes / 60)" + (rest == 0 ? "" : ":\(rest < 10 ? "0" : "")\(rest)")
    }

    /// `<span class="time">10:00–11:30 <small class="zone">UTC−5</small></span>`, escaped.
    static func time(span: String, zone identifier: String, at instant: String) -> String {
        let e = HTMLPage.escape
        return "<span class=\"time\">\(e(span)) <small class=\"zone\">\(e(short(identifier, at: instant)))</small></span>"
    }
}
