/// The agenda routes matched without the general router, which splits and decodes the path once
/// per registered pattern (it was 40% of the serving time on the hottest route). Only the plain
/// case is taken here: `/agenda/TOKEN`, `.json`, `.ics`, one segment with no `%` escape; anything
/// else goes through the router, whose answers are the same.
enum AgendaPath {
    /// The token, the format, and the path to log (token redacted), or nil.
    static func match(_ rawPath: String) -> (token: String, format: AgendaRoute.Format, logPath: String)? {
        let prefix = "/agenda/"
        guard rawPath.hasPrefix(prefix) else { return nil }
        let segment = rawPath.utf8.dropFirst(prefix.utf8.count)
        guard !segment.isEmpty, !segment.contains(UInt8(ascii: "/")), !segment.contains(UInt8(ascii: "%")) else { return nil }
        let text = String(decoding: segment, as: UTF8.self)
        for (suffix, format) in [(".json", AgendaRoute.Format.json), (".ics", .calendar)] where text.utf8.count > suffix.utf8.count {
            if text.hasSuffix(suffix) { return (String(text.dropLast(suffix.count)), format, "/agenda/…" + suffix) }
        }
        return (text, .negotiated, "/agenda/…")
    }
}
