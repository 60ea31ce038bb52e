import Events
import Foundation
import Postgres

/// The `agendas` read model: one ready-to-serve `AgendaDocument` per attendee, kept current
/// through enrollments, waitlist moves, reschedules and cancellations.
public struct AgendasProjection: Projection {
    public let name = "agendas"
    /// 2: "moved" says where the session was when the attendee signed up; stale skip flags go.
    public let version = 2
    public let tables = ["agendas", "agenda_sessions", "agenda_editions"]
    public let eventTypes: Set<String> = [
        ConferenceOpened.eventType, AttendeeRegistered.eventType, AttendeeCancelled.eventType, AttendeeCheckedIn.eventType,
        AgendaLinkReissued.eventType, SessionScheduled.eventType, SessionRescheduled.eventType, SessionCancelled.eventType,
        SeatTaken.eventType, Waitlisted.eventType, PromotedFromWaitlist.eventType, WaitlistSkipped.eventType, SeatReleased.eventType,
        WaitlistLeft.eventType,
    ]

    public init() {}

    public func makeFold(_ tables: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        AgendasFold(
            agendas: RowStore(table: tables("agendas"), keys: ["attendee"], startsEmpty: startsEmpty) { [$0.attendee] },
            sessions: RowStore(table: tables("agenda_sessions"), keys: ["session"], startsEmpty: startsEmpty) { [$0.session] },
            editions: RowStore(table: tables("agenda_editions"), keys: ["conference"], startsEmpty: startsEmpty) { [$0.conference] })
    }
}

final class AgendasFold: RowHoldingFold {
    let agendas: RowStore<AgendaRow>
    let sessions: RowStore<AgendaSessionRow>
    let editions: RowStore<AgendaEditionRow>
    private var zones: [String: TimeZone] = [:]
    private var lastZone: (identifier: String, zone: TimeZone)?
    /// Local spellings of instants already made (few sessions, many holders): parsing and
    /// formatting dates is most of what a seat costs otherwise.
    private var locals: [LocalKey: String] = [:]
    /// Waitlist places moved up but not yet written into their entries, by session (`PendingPlaces`).
    var pendingPlaces: [String: PendingPlaces] = [:]
    /// Attendees given a "skipped" flag by this fold. While `agendas` holds every row, each one
    /// made here, only their documents can hold one: the others need no `AgendaSkips.prune`
    /// (which reads every entry's flags, each elsewhere in memory, at every change).
    var skippedOnce: Set<String> = []

    private struct LocalKey: Hashable {
        let instant: String
        let zone: String
    }

    init(agendas: RowStore<AgendaRow>, sessions: RowStore<AgendaSessionRow>, editions: RowStore<AgendaEditionRow>) {
        (self.agendas, self.sessions, self.editions) = (agendas, sessions, editions)
    }

    var cachedRows: Int { agendas.count + sessions.count + editions.count }

    func flush(_ connection: Connection, keepCache: Bool) throws {
        writeAllPlaces()
        // Documents changed since the last flush: sorted and overlap-flagged once, here (new
        // ones have no sessions yet: flagging is idempotent, so those are no different).
        agendas.updateChanged { AgendaOverlaps.flag(&$0.document) }
        try agendas.flush(connection, keepCache: keepCache)
        try sessions.flush(connection, keepCache: keepCache)
        try editions.flush(connection, keepCache: keepCache)
    }

    /// A rebuild's stores hold every row: nothing to look up.
    var holdsEveryRow: Bool { agendas.isComplete && sessions.isComplete && editions.isComplete }

    /// Loads what the page touches: sessions and editions first, then the agendas of everyone
    /// named and of everyone a session change fans out to.
    func load(_ events: [ProjectedEvent], _ connection: Connection) throws {
        var sessionKeys: [String] = []
        var attendeeKeys: [String] = []
        var editionKeys: [String] = []
        for recorded in events {
            if let (session, attendee) = SessionEvent.keys(recorded.event) {
                sessionKeys.append(session.rawValue)
                if let attendee { attendeeKeys.append(attendee.rawValue) }
            }
            switch recorded.event {
            case let e as WaitlistSkipped: sessionKeys.append(e.clashesWith.rawValue)
            case let e as AttendeeRegistered: editionKeys.append(e.conference.rawValue)
            case let e as AttendeeCancelled: attendeeKeys.append(e.attendee.rawValue)
            case let e as AttendeeCheckedIn: attendeeKeys.append(e.attendee.rawValue)
            case let e as AgendaLinkReissued: attendeeKeys.append(e.attendee.rawValue)
            default: break
            }
        }
        try sessions.load(sessionKeys, connection)
        try editions.load(editionKeys, connection)
        for recorded in events {
            switch recorded.event {
            case let e as SessionRescheduled: attendeeKeys += holders(e.session, waitlistOnly: false)
            case let e as SessionCancelled: attendeeKeys += holders(e.session, waitlistOnly: false)
            case let e as PromotedFromWaitlist: attendeeKeys += holders(e.session, waitlistOnly: true)
            case let e as WaitlistLeft: attendeeKeys += holders(e.session, waitlistOnly: true)
            default: break
            }
        }
        try agendas.load(attendeeKeys, connection)
    }

    private func holders(_ session: SessionID, waitlistOnly: Bool) -> [String] {
        guard let state = sessions[session.rawValue]?.state else { return [] }
        return waitlistOnly ? state.waitlist : state.seats + state.waitlist
    }

    func zone(_ identifier: String) -> TimeZone {
        if let last = lastZone, last.identifier == identifier { return last.zone }
        let zone = zones[identifier] ?? TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
        zones[identifier] = zone
        lastZone = (identifier, zone)
        return zone
    }

    /// `AgendaTimes.local(instant, zone)`, remembered (a bounded cache).
    func local(_ instant: String, _ zone: TimeZone) -> String {
        let key = LocalKey(instant: instant, zone: zone.identifier)
        if let known = locals[key] { return known }
        if locals.count >= 50_000 { locals.removeAll(keepingCapacity: true) }
        let local = AgendaTimes.local(instant, zone)
        locals[key] = local
        return local
    }

    /// Changes an attendee's document and stamps it with the event.
    func modify(_ attendee: String, _ recorded: ProjectedEvent, _ change: (inout AgendaRow) -> Void) {
        agendas.update(attendee) { row in
            change(&row)
            // At every change, not at flush: a rebuild flushes less often and must end the same.
            pruneSkips(attendee, &row.document)
            row.document.lastChangedPosition = recorded.position
            row.document.lastChangedAt = recorded.instant
            row.lastChangedPosition = recorded.position
        }
    }

    /// `AgendaSkips.prune` unless the document cannot hold a skipped flag (see `skippedOnce`).
    func pruneSkips(_ attendee: String, _ document: inout AgendaDocument) {
        guard !agendas.isComplete || (!skippedOnce.isEmpty && skippedOnce.contains(attendee)) else { return }
        AgendaSkips.prune(&document)
    }

    /// Changes the entry of `session` on an attendee's agenda, stamping it too.
    func modifyEntry(
        _ attendee: String, _ session: String, _ recorded: ProjectedEvent, _ change: (inout AgendaDocument.Entry, TimeZone) -> Void
    ) {
        writePlaces(session, attendee)
        changeEntry(attendee, session, recorded, change)
    }

    /// `modifyEntry` once the session's waitlist places are written (`writePlaces(_:)`).
    func changeEntry(
        _ attendee: String, _ session: String, _ recorded: ProjectedEvent, _ change: (inout AgendaDocument.Entry, TimeZone) -> Void
    ) {
        modify(attendee, recorded) { row in
            guard let index = row.document.sessions.firstIndex(where: { $0.session == session }) else { return }
            let zone = self.zone(row.document.edition.timeZone)
            change(&row.document.sessions[index], zone)
            row.document.sessions[index].lastChangedPosition = recorded.position
            row.document.sessions[index].lastChangedAt = recorded.instant
        }
    }
}
