/// The agenda routes matched without the general router, which splits and decodes the path once
/// per registered pattern (it was 40% of the serving time on the hottest route). Only the plain
/// case is taken here: `/agenda/TOKEN`, `.json`, `.ics`, one segment with no `%` escape; anything
/// else goes through the router, whose answers are the same. Works on the path's bytes and makes
/// one string (the token); the log paths are constants.
enum AgendaPath {
    private static let prefix = Array("/agenda/".utf8)
    private static let suffixes: [(bytes: [UInt8], format: AgendaRoute.Format, logPath: String)] = [
        (Array(".json".utf8), .json, "/agenda/….json"), (Array(".ics".utf8), .calendar, "/agenda/….ics"),
    ]

    /// The token, the format, and the path to log (token redacted), or nil.
    static func match(_ rawPath: String) -> (token: String, format: AgendaRoute.Format, logPath: String)? {
        let bytes = rawPath.utf8
        guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return nil }
        let segment = bytes.dropFirst(prefix.count)
        guard !segment.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "%") }) else { return nil }
        for suffix in suffixes where segment.count > suffix.bytes.count && segment.suffix(suffix.bytes.count).elementsEqual(suffix.bytes) {
            return (String(decoding: segment.dropLast(suffix.bytes.count), as: UTF8.self), suffix.format, suffix.logPath)
        }
        return (String(decoding: segment, as: UTF8.self), .negotiated, "/agenda/…")
    }
}
