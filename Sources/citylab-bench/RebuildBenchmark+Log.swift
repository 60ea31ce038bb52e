import EventStore
import Events
import Foundation
import Postgres

/// A synthetic but consistent conference log for the rebuild benchmark: the events the
/// deciders would write for registrations, enrollments (seats and waitlists), drops with
/// promotions, check-ins, reschedules, cancellations and placements. Written with COPY,
/// hashed exactly as `citylab_append` does (canonical bytes, events/README.md), so
/// `audit verify` passes on it.
struct SyntheticLog {
    private(set) var position: Int64 = 0
    private var random = SystemRandomNumberGenerator()
    private var previous = HashChain.genesis
    private var canonical: [UInt8] = []
    private var versions: [String: Int] = [:]
    private var micros: Int64 = 0
    private var rows: [UInt8] = []
    private var instant = ""
    private var meta = ""
    private let edition = ConferenceID("citylab-2026")!
    private var sessions: [(id: SessionID, capacity: Int, seats: [AttendeeID], waitlist: [AttendeeID], starts: Date)] = []
    private var attendees: [AttendeeID] = []
    private var scholars: [ScholarID] = []
    private var openings: [OpeningID] = []
    private var placements: [(id: PlacementID, scholar: ScholarID, opening: OpeningID, stage: Int)] = []

    mutating func write(events target: Int, _ connection: Connection) throws {
        try connection.copyIn("COPY events (position, stream, version, type, schema, data, meta, recorded_at, hash) FROM STDIN") { send in
            command()
            try emit(
                .conference(edition),
                ConferenceOpened(
                    conference: edition, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
                    ends: "2026-10-16"))
            for index in 0..<max(20, target / 3000) { try schedule(index) }
            for index in 0..<max(5, target / 5000) {
                command()
                let id = OpeningID("opn_b\(index)")!
                openings.append(id)
                try emit(
                    .opening(id),
                    OpeningCreated(
                        opening: id, city: ["Bogotá", "Lima", "Quito", "Medellín"][index % 4], country: "CO", host: "Host \(index)",
                        project: "Project \(index)", starts: "2026-06-01", ends: "2026-08-31", seats: 2, cohort: 2026))
            }
            while position < Int64(target) {
                try step()
                if rows.count > 1 << 20 {
                    try send(rows)
                    rows.removeAll(keepingCapacity: true)
                }
            }
            try send(rows)
        }
        try connection.execute(
            "UPDATE log_head SET position = $1, hash = $2, recorded_at = $3::timestamptz WHERE singleton",
            [position, Bytea(previous), instant])
    }

    private mutating func roll(_ n: Int) -> Int { Int(random.next(upperBound: UInt64(n))) }

    /// A new command: its own instant (50 ms after the last) and metadata.
    private mutating func command() {
        micros += 50_000
        let seconds = Int(micros / 1_000_000)
        instant = String(
            format: "2026-10-01T%02d:%02d:%02d.%06dZ", seconds / 3600, seconds / 60 % 60, seconds % 60, Int(micros % 1_000_000))
        meta = CanonicalJSON.string(
            .object([
                "actor": .string("bench"), "command": .string("bench"), "command_id": .string("cmd_\(micros)"), "source": .string("bench"),
            ]))
    }

    private mutating func emit(_ stream: StreamName, _ event: some DomainEvent) throws {
        position += 1
        let version = (versions[stream.rawValue] ?? 0) + 1
        versions[stream.rawValue] = version
        let data = try CanonicalJSON.encode(event)
        HashChain.canonicalBytes(
            into: &canonical, position: position, stream: stream.rawValue, version: version, type: type(of: event).eventType,
            schema: type(of: event).schema, instant: instant, data: data, meta: meta)
        previous = HashChain.link(previous: previous, canonical: canonical)
        let line =
            [
                String(position), stream.rawValue, String(version), type(of: event).eventType, String(type(of: event).schema), escape(data),
                escape(meta), instant, "\\\\x" + Hex.encode(previous),
            ].joined(separator: "\t") + "\n"
        rows.append(contentsOf: line.utf8)
    }

    /// COPY text format: only backslashes can occur (canonical JSON escapes control characters).
    private func escape(_ text: String) -> String { text.replacingOccurrences(of: "\\", with: "\\\\") }

    private mutating func schedule(_ index: Int) throws {
        command()
        let id = SessionID("ses_b\(index)")!
        let starts = Date(timeIntervalSince1970: 1_791_979_200 + Double(index % 30) * 3600)
        let ends = starts.addingTimeInterval(3600)
        let capacity = [20, 40, 80, 150][roll(4)]
        sessions.append((id, capacity, [], [], starts))
        try emit(
            .session(id),
            SessionScheduled(
                session: id, conference: edition, title: "Session \(index)", room: "Room \(index % 12)", starts: starts, ends: ends,
                capacity: capacity, track: "Track \(index % 4)", speakers: ["Speaker \(index)"]))
        try emit(.program(edition), RoomBooked(conference: edition, session: id, room: "Room \(index % 12)", starts: starts, ends: ends))
    }

    private mutating func step() throws {
        command()
        let dice = roll(100)
        if dice < 15 || attendees.count < 50 { return try register() }
        let s = roll(sessions.count)
        switch dice {
        case 15..<60:
            let attendee = attendees[roll(attendees.count)]
            // People join a waitlist of up to 30; beyond that they choose another session.
            guard sessions[s].waitlist.count < 30, !sessions[s].seats.contains(attendee), !sessions[s].waitlist.contains(attendee) else {
                return
            }
            let session = sessions[s].id
            if sessions[s].seats.count < sessions[s].capacity {
                sessions[s].seats.append(attendee)
                try emit(.session(session), SeatTaken(session: session, attendee: attendee))
                try emit(
                    .attendee(attendee),
                    SeatHeld(
                        attendee: attendee, session: session, starts: sessions[s].starts, ends: sessions[s].starts.addingTimeInterval(3600))
                )
            } else {
                sessions[s].waitlist.append(attendee)
                try emit(.session(session), Waitlisted(session: session, attendee: attendee, position: sessions[s].waitlist.count))
                try emit(.attendee(attendee), WaitlistJoined(attendee: attendee, session: session))
            }
        case 60..<80: try drop(s)
        case 80..<86:
            let attendee = attendees[roll(attendees.count)]
            try emit(
                .attendee(attendee),
                AttendeeCheckedIn(attendee: attendee, conference: edition, at: Date(timeIntervalSince1970: 1_791_979_200)))
        case 86..<87:
            let attendee = attendees[roll(attendees.count)]
            try emit(.attendee(attendee), AgendaLinkReissued(attendee: attendee, tokenHash: SHA256.hex("re\(position)")))
        case 87..<88:
            let before = sessions[s].starts
            let after = before.addingTimeInterval(Double(roll(5) + 1) * 1800)
            let session = sessions[s].id
            sessions[s].starts = after
            try emit(
                .session(session),
                SessionRescheduled(
                    session: session, conference: edition, room: "Room \(s % 12)", starts: after, ends: after.addingTimeInterval(3600),
                    previousRoom: "Room \(s % 12)", previousStarts: before, previousEnds: before.addingTimeInterval(3600)))
            try emit(
                .program(edition),
                RoomBooked(
                    conference: edition, session: session, room: "Room \(s % 12)", starts: after, ends: after.addingTimeInterval(3600)))
            for holder in sessions[s].seats {
                try emit(
                    .attendee(holder),
                    SeatTimesChanged(attendee: holder, session: session, starts: after, ends: after.addingTimeInterval(3600)))
            }
        default: try placementStep()
        }
    }

    private mutating func register() throws {
        let id = AttendeeID("att_b\(position)")!
        attendees.append(id)
        let email = "p\(position)@example.org"
        try emit(
            .attendee(id),
            AttendeeRegistered(
                attendee: id, conference: edition, name: "Person \(position)", email: email, role: "urbanist",
                organization: "City \(position % 40)", city: "Bogotá", tokenHash: SHA256.hex("t\(position)")))
        try emit(
            .emailClaim(scope: edition.rawValue, email: email), EmailClaimed(scope: edition.rawValue, email: email, holder: id.rawValue))
    }

    private mutating func drop(_ s: Int) throws {
        let session = sessions[s].id
        if !sessions[s].waitlist.isEmpty, roll(3) == 0 {
            let index = roll(sessions[s].waitlist.count)
            let attendee = sessions[s].waitlist.remove(at: index)
            try emit(.session(session), WaitlistLeft(session: session, attendee: attendee, position: index + 1, reason: .dropped))
            try emit(.attendee(attendee), SessionLeft(attendee: attendee, session: session, reason: .dropped))
            return
        }
        guard !sessions[s].seats.isEmpty else { return }
        let attendee = sessions[s].seats.remove(at: roll(sessions[s].seats.count))
        try emit(.session(session), SeatReleased(session: session, attendee: attendee, reason: .dropped))
        try emit(.attendee(attendee), SessionLeft(attendee: attendee, session: session, reason: .dropped))
        guard !sessions[s].waitlist.isEmpty else { return }
        let next = sessions[s].waitlist.removeFirst()
        sessions[s].seats.append(next)
        try emit(.session(session), PromotedFromWaitlist(session: session, attendee: next, position: 1))
        try emit(
            .attendee(next),
            SeatHeld(attendee: next, session: session, starts: sessions[s].starts, ends: sessions[s].starts.addingTimeInterval(3600)))
    }

    private mutating func placementStep() throws {
        if scholars.count < 20 || roll(4) == 0 {
            let id = ScholarID("sch_b\(position)")!
            scholars.append(id)
            try emit(
                .scholar(id),
                ScholarAdmitted(scholar: id, name: "Scholar \(position)", email: "s\(position)@uni.edu", university: "Uni", cohort: 2026))
            try emit(.scholar(id), ScholarTrainingCompleted(scholar: id, completedAt: "2026-05-01T00:00:00Z"))
            let placement = PlacementID("plc_b\(position)")!
            let opening = openings[roll(openings.count)]
            placements.append((placement, id, opening, 0))
            try emit(.placement(placement), PlacementProposed(placement: placement, scholar: id, opening: opening, cohort: 2026, note: nil))
            try emit(.scholar(id), ScholarPlacementProposed(scholar: id, placement: placement, opening: opening, cohort: 2026))
            return
        }
        let index = roll(placements.count)
        let (placement, scholar, opening, stage) = placements[index]
        placements[index].stage += 1
        switch stage {
        case 0: try emit(.placement(placement), PlacementApproved(placement: placement, scholar: scholar, opening: opening))
        case 1:
            try emit(
                .placement(placement),
                PlacementConfirmed(
                    placement: placement, scholar: scholar, opening: opening, trainingCompletedAt: "2026-05-01T00:00:00Z",
                    seatsTakenBefore: 0, seats: 2))
            try emit(.opening(opening), OpeningSeatTaken(opening: opening, placement: placement, scholar: scholar))
        case 2:
            try emit(
                .placement(placement), PlacementCompleted(placement: placement, scholar: scholar, opening: opening, outcome: "delivered"))
            try emit(.scholar(scholar), ScholarPlacementEnded(scholar: scholar, placement: placement, cohort: 2026, status: "completed"))
        default: placements.remove(at: index)
        }
    }
}
