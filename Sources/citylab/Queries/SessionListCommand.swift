import Application
import Arguments
import Domain
import EventStore
import Foundation
import Projections

/// `citylab session list`: the program with seats taken and left, from the program read model.
enum SessionListCommand {
    static let spec = CommandSpec(
        "list", abstract: "List the program: sessions with seats taken and left and waitlist length.",
        examples: ["citylab session list", "citylab session list --json"])

    static let verb: Verb = { invocation in
        let connection = try invocation.readModels()
        let conference = try invocation.parsed.option("conference").map {
            try ConferenceDirectory.resolve($0, store: invocation.store()).rawValue
        }
        let rows = try ReadModels.sessions(conference: conference, connection)
        if invocation.json { return try QueryJSON.print("sessions", rows) }
        let zones = try EditionZones(invocation.store())
        var table = TextTable("ID", "WHEN", "TITLE", "ROOM", "SEATS", "LEFT", "WAITLIST", "STATUS")
        for row in rows {
            table.add(
                row.session, zones.span(row.conference, row.starts, row.ends), row.title, row.room, "\(row.seatsTaken)/\(row.capacity)",
                "\(row.seatsLeft)", "\(row.waitlistLength)", row.status.rawValue)
        }
        table.print(empty: "No sessions scheduled yet.")
    }
}

/// Each edition's zone, so times print as the conference's wall clock.
struct EditionZones {
    private var zones: [String: TimeZone] = [:]

    init(_ store: EventStore) throws {
        for edition in try ConferenceDirectory.editions(store) {
            zones[edition.conference.rawValue] = TimeZone(identifier: edition.timeZone)
        }
    }

    /// `2026-10-14 10:00–11:30` in the edition's zone (UTC when unknown).
    func span(_ conference: String, _ starts: String, _ ends: String) -> String {
        let zone = zones[conference] ?? TimeZone(secondsFromGMT: 0) ?? .current
        guard let from = try? Date(starts, strategy: .iso8601), let to = try? Date(ends, strategy: .iso8601) else { return starts }
        return TimeSpan(starts: from, ends: to).text(in: zone).replacingOccurrences(of: "T", with: " ")
    }
}
