import Foundation

/// A half-open interval of time `[starts, ends)`: a session ending at 10:00 does not
/// overlap one starting at 10:00.
public struct TimeSpan: Hashable, Sendable {
    public let starts: Date
    public let ends: Date

    public init(starts: Date, ends: Date) {
        self.starts = starts
        self.ends = ends
    }

    public func overlaps(_ other: TimeSpan) -> Bool { starts < other.ends && other.starts < ends }

    public func contains(_ other: TimeSpan) -> Bool { starts <= other.starts && other.ends <= ends }

    /// "2026-10-14T10:00–11:30" in the given zone (the end's date only when it differs), for messages.
    public func text(in zone: TimeZone) -> String {
        let (from, to) = (LocalDateTime.format(starts, in: zone), LocalDateTime.format(ends, in: zone))
        return from.prefix(11) == to.prefix(11) ? "\(from)–\(to.dropFirst(11))" : "\(from)–\(to)"
    }
}
