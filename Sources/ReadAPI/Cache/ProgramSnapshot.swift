import Domain
import Foundation
import Projections

/// A session as `/program` and `/sessions/{id}` show it: the program row with local times.
struct ProgramSession: Codable, Sendable, Equatable {
    var session: String
    var title: String
    var room: String
    var track: String?
    var speakers: [String]
    /// Instants, UTC, and the wall clock in the edition's zone (`2026-10-14T10:00`).
    var starts: String
    var ends: String
    var startsLocal: String
    var endsLocal: String
    var capacity: Int
    var seatsTaken: Int
    var seatsLeft: Int
    var waitlistLength: Int
    var status: SessionStatus
    var rescheduleCount: Int
    var lastChangedPosition: Int64
    var lastChangedAt: String

    init(_ row: ProgramRow, zone: TimeZone) {
        (session, title, room, track, speakers) = (row.session, row.title, row.room, row.track, row.speakers)
        (starts, ends) = (row.starts, row.ends)
        startsLocal = LocalTimes.local(row.starts, zone)
        endsLocal = LocalTimes.local(row.ends, zone)
        (capacity, seatsTaken, seatsLeft, waitlistLength) = (row.capacity, row.seatsTaken, row.seatsLeft, row.waitlistLength)
        (status, rescheduleCount, lastChangedPosition, lastChangedAt) = (
            row.status, row.rescheduleCount, row.lastChangedPosition, row.lastChangedAt
        )
    }
}

/// One edition's program, ready to serve.
struct EditionProgram: Sendable {
    let edition: EditionInfo
    /// In time order.
    let sessions: [ProgramSession]
    /// The last event that changed any of its sessions (0 for an empty program): the ETag.
    let position: Int64
    let json: [UInt8]

    /// The `/program` JSON body.
    struct Body: Encodable {
        let edition: EditionInfo
        let position: Int64
        let sessions: [ProgramSession]
    }

    /// The `/sessions/{id}` JSON body.
    struct SessionBody: Encodable {
        let edition: EditionInfo
        let session: ProgramSession
    }
}

/// Every edition's program and an index of sessions, rebuilt whenever the program projection moves.
struct ProgramSnapshot: Sendable {
    var editions: [String: EditionProgram] = [:]
    /// What `/program` shows without `?conference=`: the only edition, else the one whose
    /// sessions start last (the current or coming one).
    var defaultEdition: String?
    var sessionIndex: [String: (edition: String, index: Int)] = [:]

    static func build(editions: [EditionInfo], rows: [ProgramRow]) throws -> ProgramSnapshot {
        var known = Dictionary(editions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in rows where known[row.conference] == nil {
            known[row.conference] = EditionInfo(id: row.conference, name: row.conference, city: "", timeZone: "UTC")
        }
        var snapshot = ProgramSnapshot()
        var latestStart: [String: String] = [:]
        let grouped = Dictionary(grouping: rows, by: \.conference)
        for (id, edition) in known {
            let zone = TimeZone(identifier: edition.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
            let sessions = (grouped[id] ?? []).sorted { ($0.starts, $0.title, $0.session) < ($1.starts, $1.title, $1.session) }
                .map { ProgramSession($0, zone: zone) }
            let position = sessions.map(\.lastChangedPosition).max() ?? 0
            let json = try PublicJSON.encode(EditionProgram.Body(edition: edition, position: position, sessions: sessions))
            snapshot.editions[id] = EditionProgram(edition: edition, sessions: sessions, position: position, json: json)
            for (index, session) in sessions.enumerated() { snapshot.sessionIndex[session.session] = (id, index) }
            latestStart[id] = sessions.last?.starts ?? ""
        }
        snapshot.defaultEdition = latestStart.sorted { ($0.value, $0.key) > ($1.value, $1.key) }.first?.key
        return snapshot
    }

    /// The session `id` and its edition's program, or nil.
    func session(_ id: String) -> (EditionProgram, ProgramSession)? {
        guard let (edition, index) = sessionIndex[id], let program = editions[edition], index < program.sessions.count else { return nil }
        return (program, program.sessions[index])
    }
}
