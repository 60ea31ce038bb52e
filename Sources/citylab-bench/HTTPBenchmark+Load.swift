import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import Projections

extension HTTPBenchmark {
    /// Opens an edition with 12 sessions (4 a day, 2,000 seats each) and registers `attendees`,
    /// each enrolled in one session a day (a seat, or the waitlist once full), in appends of 500
    /// attendees; then folds the projections. Returns the agenda tokens.
    static func load(attendees: Int, into connection: Connection) throws -> [String] {
        let store = EventStore(connection)
        let runner = CommandRunner(store: store, context: CommandContext(actor: "bench"))
        let edition = ConferenceID("citylab-2026")!
        _ = try RegistrationCommands.openConference(
            Conference.Open(
                id: edition.rawValue, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
                ends: "2026-10-16"),
            runner: runner)
        var sessions: [(id: SessionID, starts: Date, ends: Date)] = []
        for day in 0..<3 {
            for slot in 0..<4 {
                let id = SessionID.make(suffix: "bench\(day)\(slot)")
                let hour = 9 + slot * 2
                let date = "2026-10-1\(4 + day)T\(hour < 10 ? "0" : "")\(hour):00"
                let end = "2026-10-1\(4 + day)T\(hour + 1 < 10 ? "0" : "")\(hour + 1):30"
                _ = try ProgramCommands.schedule(
                    Session.Schedule(
                        id: id, conference: edition,
                        title: "Laboratorio de innovación pública, sesión \(day * 4 + slot + 1): ciudades que cuidan",
                        room: "Sala \(slot + 1)", starts: date, ends: end, capacity: 2_000,
                        track: ["Care", "Data", "Mobility", "Culture"][slot],
                        speakers: ["María José Pérez", "Ana Gómez"]),
                    runner: runner)
                let zone = TimeZone(identifier: "America/Bogota") ?? .gmt
                sessions.append(
                    (id, try LocalDateTime.parse(date, in: zone, field: "starts"), try LocalDateTime.parse(end, in: zone, field: "ends")))
            }
        }
        var versions = try store.readStreams(sessions.map { .session($0.id) }).mapValues(\.version)
        var seats: [SessionID: Int] = [:]
        var waitlists: [SessionID: Int] = [:]
        var tokens: [String] = []
        let metadata = try store.authenticated(EventMetadata(actor: "bench", commandID: "", command: "bench load"))
        for batchStart in stride(from: 0, to: attendees, by: 500) {
            var events: [PendingEvent] = []
            var expectations = versions
            for index in batchStart..<min(attendees, batchStart + 500) {
                let token = AgendaToken.generate()
                tokens.append(token)
                let attendee = AttendeeID.make(suffix: String(format: "b%07d", index))
                expectations[.attendee(attendee)] = 0
                events.append(
                    PendingEvent(
                        .attendee(attendee),
                        AttendeeRegistered(
                            attendee: attendee, conference: edition, name: "Asistente \(index) Gómez",
                            email: "asistente.\(index)@example.org",
                            role: "city-innovator", organization: "Alcaldía", city: "Bogotá", tokenHash: AgendaToken.hash(token))))
                for day in 0..<3 {
                    let session = sessions[day * 4 + (index / 3 + day) % 4]
                    if seats[session.id, default: 0] < 2_000 {
                        seats[session.id, default: 0] += 1
                        events.append(PendingEvent(.session(session.id), SeatTaken(session: session.id, attendee: attendee)))
                        events.append(
                            PendingEvent(
                                .attendee(attendee),
                                SeatHeld(attendee: attendee, session: session.id, starts: session.starts, ends: session.ends)))
                    } else {
                        waitlists[session.id, default: 0] += 1
                        events.append(
                            PendingEvent(
                                .session(session.id),
                                Waitlisted(session: session.id, attendee: attendee, position: waitlists[session.id, default: 0])))
                    }
                }
            }
            _ = try store.append(
                try PreparedAppend(AppendBatch(commandID: nil, expectations: expectations, events: events, metadata: metadata)))
            for session in sessions {
                versions[.session(session.id)] =
                    (versions[.session(session.id)] ?? 0) + events.filter { $0.stream == .session(session.id) }.count
            }
        }
        try Projector.catchUpAll(connection)
        return tokens
    }
}
