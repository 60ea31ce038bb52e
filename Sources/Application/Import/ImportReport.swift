import Events

/// What an import did: rows registered, rows skipped because their address was already
/// registered in the edition, rows refused (with their lines), and the events written.
public struct ImportReport: Equatable, Sendable {
    public var conference: ConferenceID
    /// Data rows in the file.
    public var rows = 0
    public var accepted = 0
    public var skipped = 0
    /// In line order.
    public var rejected: [RejectedRow] = []
    public var events = 0
    /// The global position of the last event written (the log head before the import when none).
    public var position: Int64 = 0
    /// Appends (transactions) that committed.
    public var batches = 0
    /// Wall time from the first read to the last commit.
    public var seconds = 0.0

    public init(conference: ConferenceID) { self.conference = conference }

    public var eventsPerSecond: Int { seconds > 0 ? Int((Double(events) / seconds).rounded()) : 0 }
    public var rowsPerSecond: Int { seconds > 0 ? Int((Double(accepted + skipped + rejected.count) / seconds).rounded()) : 0 }

    /// One line for people: counts, events/s, and the position to wait for.
    public var summary: String {
        var text = "Import into \(conference.rawValue)"
        text += ": \(accepted) accepted, \(skipped) skipped (already registered), \(rejected.count) rejected"
        text += "; \(events) events in \(Self.format(seconds)) s (\(eventsPerSecond) events/s)"
        if events > 0 { text += ", up to position \(position)" }
        return text + "."
    }

    static func format(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
