import Events
import Foundation
import Postgres

/// The `program` and `rosters` read models: sessions with capacity, seats taken and left,
/// waitlist length and reschedules; who holds a seat or waits in each.
public struct ProgramProjection: Projection {
    public let name = "program"
    public let version = 1
    public let tables = ["program", "rosters", "program_people"]
    public let eventTypes: Set<String> = [
        AttendeeRegistered.eventType, SessionScheduled.eventType, SessionRescheduled.eventType, SessionCapacityChanged.eventType,
        SessionCancelled.eventType, SeatTaken.eventType, Waitlisted.eventType, PromotedFromWaitlist.eventType, SeatReleased.eventType,
        WaitlistLeft.eventType,
    ]

    public init() {}

    public func makeFold(_ tables: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        ProgramFold(
            sessions: RowStore(table: tables("program"), keys: ["session"], startsEmpty: startsEmpty) { [$0.session] },
            rosters: RowStore(table: tables("rosters"), keys: ["session", "attendee"], startsEmpty: startsEmpty) {
                [$0.session, $0.attendee]
            },
            people: RowStore(table: tables("program_people"), keys: ["attendee"], startsEmpty: startsEmpty) { [$0.attendee] })
    }
}

final class ProgramFold: RowHoldingFold {
    private let sessions: RowStore<ProgramRow>
    private let rosters: RowStore<RosterRow>
    private let people: RowStore<ProgramPerson>

    init(sessions: RowStore<ProgramRow>, rosters: RowStore<RosterRow>, people: RowStore<ProgramPerson>) {
        (self.sessions, self.rosters, self.people) = (sessions, rosters, people)
    }

    var cachedRows: Int { sessions.count + rosters.count + people.count }

    /// A rebuild's stores hold every row: nothing to look up.
    var holdsEveryRow: Bool { sessions.isComplete && people.isComplete }

    /// Loads the sessions and people the page touches.
    func load(_ events: [ProjectedEvent], _ connection: Connection) throws {
        var touched: [String] = []
        var named: [String] = []
        for recorded in events {
            if let (session, attendee) = SessionEvent.keys(recorded.event) {
                touched.append(session.rawValue)
                if let attendee { named.append(attendee.rawValue) }
            }
        }
        try sessions.load(touched, connection)
        try people.load(named, connection)
    }

    func apply(_ recorded: ProjectedEvent) {
        // The most frequent first: each case is a cast tried in turn.
        switch recorded.event {
        case let waitlisted as Waitlisted:
            update(waitlisted.session, recorded) { $0.waitlistLength += 1 }
            enroll(waitlisted.session, waitlisted.attendee, .waitlist, recorded)
        case let registered as AttendeeRegistered:
            people.put(ProgramPerson(attendee: registered.attendee.rawValue, name: registered.name))
        case let released as SeatReleased:
            update(released.session, recorded) { $0.seatsTaken -= 1 }
            rosters[RowStore<RosterRow>.key([released.session.rawValue, released.attendee.rawValue])] = nil
        case let promoted as PromotedFromWaitlist:
            update(promoted.session, recorded) {
                $0.waitlistLength -= 1
                $0.seatsTaken += 1
            }
            enroll(promoted.session, promoted.attendee, .seat, recorded)
        case let taken as SeatTaken:
            update(taken.session, recorded) { $0.seatsTaken += 1 }
            enroll(taken.session, taken.attendee, .seat, recorded)
        case let left as WaitlistLeft:
            update(left.session, recorded) { $0.waitlistLength -= 1 }
            rosters[RowStore<RosterRow>.key([left.session.rawValue, left.attendee.rawValue])] = nil
        case let moved as SessionRescheduled:
            update(moved.session, recorded) {
                $0.room = moved.room
                $0.starts = Instant.seconds(moved.starts)
                $0.ends = Instant.seconds(moved.ends)
                $0.rescheduleCount += 1
            }
        case let s as SessionScheduled:
            sessions.put(
                ProgramRow(
                    session: s.session.rawValue, conference: s.conference.rawValue, title: s.title, room: s.room, track: s.track,
                    speakers: s.speakers, starts: Instant.seconds(s.starts), ends: Instant.seconds(s.ends), capacity: s.capacity,
                    seatsTaken: 0, seatsLeft: s.capacity, waitlistLength: 0, status: .scheduled, rescheduleCount: 0,
                    lastChangedPosition: recorded.position, lastChangedAt: recorded.instant))
        case let changed as SessionCapacityChanged: update(changed.session, recorded) { $0.capacity = changed.capacity }
        case let cancelled as SessionCancelled:
            update(cancelled.session, recorded) {
                $0.status = .cancelled
                $0.seatsTaken = 0
                $0.waitlistLength = 0
            }
            rosters.purge("session", cancelled.session.rawValue) { $0.session == cancelled.session.rawValue }
        default: break
        }
    }

    func flush(_ connection: Connection, keepCache: Bool) throws {
        try sessions.flush(connection, keepCache: keepCache)
        try rosters.flush(connection, keepCache: keepCache)
        try people.flush(connection, keepCache: keepCache)
    }

    private func update(_ session: SessionID, _ recorded: ProjectedEvent, _ change: (inout ProgramRow) -> Void) {
        sessions.update(session.rawValue) { row in
            change(&row)
            row.seatsLeft = row.status == .cancelled ? 0 : max(0, row.capacity - row.seatsTaken)
            row.lastChangedPosition = recorded.position
            row.lastChangedAt = recorded.instant
        }
    }

    private func enroll(_ session: SessionID, _ attendee: AttendeeID, _ kind: RosterKind, _ recorded: ProjectedEvent) {
        let name = people[attendee.rawValue]?.name ?? attendee.rawValue
        rosters.put(
            RosterRow(session: session.rawValue, attendee: attendee.rawValue, name: name, kind: kind, sincePosition: recorded.position))
    }
}
