import Application
import Domain
import Events
import Foundation

/// A reproducible history of random commands (registrations, enrollments, drops, cancellations,
/// reschedules, check-ins, placements) run through the real deciders and the real store.
struct HistoryGenerator {
    var random: SplitMix
    let database: ProjectionDatabase
    let edition = ConferenceID("citylab-2026")!
    var attendees: [AttendeeID] = []
    var sessions: [SessionID] = []
    var scholars: [ScholarID] = []
    var openings: [OpeningID] = []
    var placements: [PlacementID] = []
    var counter = 0
    private(set) var rejections = 0

    init(seed: UInt64, database: ProjectionDatabase) {
        random = SplitMix(seed: seed)
        self.database = database
    }

    mutating func setUp(sessions sessionCount: Int, attendees attendeeCount: Int) throws {
        _ = try RegistrationCommands.openConference(
            Conference.Open(
                id: edition.rawValue, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
                ends: "2026-10-16"), runner: database.runner)
        for _ in 0..<sessionCount { try schedule() }
        for _ in 0..<attendeeCount { try register() }
        for _ in 0..<6 { try openOpening() }
        for _ in 0..<20 { try admit() }
    }

    mutating func next() -> String {
        counter += 1
        return String(counter)
    }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[random.below(items.count)] }

    mutating func schedule() throws {
        let id = SessionID("ses_g\(next())")!
        let day = 14 + random.below(3)
        let hour = 8 + random.below(9)
        let minutes = [0, 30][random.below(2)]
        let starts = String(format: "2026-10-%02dT%02d:%02d", day, hour, minutes)
        let ends = String(format: "2026-10-%02dT%02d:%02d", day, hour + 1 + random.below(2), minutes)
        let command = Session.Schedule(
            id: id, conference: edition, title: "Session \(counter)", room: "Room \(random.below(8))", starts: starts, ends: ends,
            capacity: 1 + random.below(6), track: random.below(2) == 0 ? nil : "Track \(random.below(3))",
            speakers: ["Speaker \(random.below(20))"])
        if try record("session schedule", { try Session.decide(command, $0) }) { sessions.append(id) }
    }

    mutating func register() throws {
        let id = AttendeeID("att_g\(next())")!
        let command = Attendee.Register(
            id: id, name: "Person \(counter)", email: "p\(counter)@example.org", role: Role.names[random.below(Role.names.count)],
            organization: random.below(2) == 0 ? nil : "Org \(random.below(9))", city: "City \(random.below(5))",
            tokenHash: SHA256.hex("token-\(counter)"))
        _ = try RegistrationCommands.register(command, conference: edition, runner: database.runner)
        attendees.append(id)
    }

    mutating func openOpening() throws {
        let id = OpeningID("opn_g\(next())")!
        let command = Opening.Create(
            id: id, city: ["Bogotá", "Medellín", "Lima", "Quito"][random.below(4)], country: "CO", host: "Host \(counter)",
            project: "Project \(counter)", starts: "2026-06-01", ends: "2026-08-31", seats: 1 + random.below(3))
        if try record("opening create", { try Opening.decide(command, $0) }) { openings.append(id) }
    }

    mutating func admit() throws {
        let id = ScholarID("sch_g\(next())")!
        let command = Scholar.Admit(
            id: id, name: "Scholar \(counter)", email: "s\(counter)@uni.edu", university: "Uni \(random.below(4))", cohort: 2026,
            defaultCohort: 2026)
        if try record("scholar admit", { try Scholar.decide(command, $0) }) { scholars.append(id) }
    }

    /// Runs one decision; true when it committed, false when a rule refused it.
    mutating func record(_ name: String, _ decide: (RecordingReader) throws -> [PendingEvent]) throws -> Bool {
        if try database.run(name, decide) != nil {
            rejections += 1
            return false
        }
        return true
    }
}

/// A small, fast, seedable generator (SplitMix64), so a failing history can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
