import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import ReadAPI
import Synchronization
import TestSupport
import XCTest

/// A fresh, migrated database with an edition, a program and two attendees' agendas through
/// seats, a waitlist, a reschedule and a cancellation; and a read server on port 0 over it.
final class ReadAPIFixture {
    let url: String
    let connection: Connection
    let runner: CommandRunner
    let edition = ConferenceID("citylab-2026")!
    private(set) var tokens: [String: String] = [:]
    private(set) var attendees: [String: AttendeeID] = [:]
    private(set) var server: ReadAPIServer?
    let accessLog = LogLines()

    /// The access-log lines the server wrote.
    final class LogLines: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    init() throws {
        let template = try TestCluster.shared.template(named: "citylab_readapi_template") { connection in
            try Migrator.migrate(connection, Database.migrations)
        }
        url = try TestCluster.shared.freshDatabase(template: template)
        connection = try Connection(url)
        runner = CommandRunner(store: EventStore(connection), context: CommandContext(actor: "tester"))
    }

    /// Ana: seats in care, data (rescheduled), night, dropped (cancelled). Bo: waitlisted in care, seat in dropped (cancelled).
    func loadScenario() throws {
        _ = try RegistrationCommands.openConference(
            Conference.Open(
                id: edition.rawValue, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
                ends: "2026-10-16"),
            runner: runner)
        try schedule(
            "care", "Care Blocks: a city's \"system\" of care", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 1, track: "Care",
            speakers: ["María José"])
        try schedule(
            "data", "Open data, for all; really \\ truly — a long title that needs folding in iCalendar", "2026-10-14T14:00",
            "2026-10-14T15:00", capacity: 10, track: "Data", speakers: ["Zoë Ñandú", "Bo"])
        try schedule(
            "night", "Night walk <script>alert(1)</script>", "2026-10-15T23:30", "2026-10-16T00:30", capacity: 5, track: nil, speakers: [])
        try schedule("dropped", "Dropped session", "2026-10-14T16:00", "2026-10-14T17:00", capacity: 5, track: "Care", speakers: [])
        try register("ana", "Ana Gómez")
        try register("bo", "Bo O'Brien & Co")
        for session in ["care", "data", "night", "dropped"] { try add("ana", session) }
        try add("bo", "care")
        try add("bo", "dropped")
        _ = try ProgramCommands.reschedule(
            Session.Reschedule(session: session("data"), starts: "2026-10-14T15:00", ends: "2026-10-14T16:00"), runner: runner)
        _ = try ProgramCommands.cancel(Session.Cancel(session: session("dropped"), reason: "speaker ill"), runner: runner)
    }

    func session(_ id: String) -> SessionID { SessionID("ses_\(id)")! }

    func schedule(_ id: String, _ title: String, _ starts: String, _ ends: String, capacity: Int, track: String?, speakers: [String]) throws
    {
        let command = Session.Schedule(
            id: session(id), conference: edition, title: title, room: "Sala \(id.capitalized)", starts: starts, ends: ends,
            capacity: capacity,
            track: track, speakers: speakers)
        _ = try ProgramCommands.schedule(command, runner: runner)
    }

    func register(_ key: String, _ name: String) throws {
        let token = AgendaToken.generate()
        let id = AttendeeID("att_\(key)")!
        _ = try RegistrationCommands.register(
            Attendee.Register(
                id: id, name: name, email: "\(key)@example.org", role: "mayor", organization: nil, city: nil,
                tokenHash: AgendaToken.hash(token)),
            conference: edition, runner: runner)
        tokens[key] = token
        attendees[key] = id
    }

    func add(_ attendee: String, _ session: String) throws {
        _ = try ProgramCommands.add(attendee: "att_\(attendee)", session: self.session(session), conference: edition, runner: runner)
    }

    /// Gives `attendee` a new link; returns the old token.
    func reissue(_ attendee: String) throws -> String {
        let old = tokens[attendee] ?? ""
        let token = AgendaToken.generate()
        _ = try LifecycleCommands.reissueLink(
            attendee: "att_\(attendee)", tokenHash: AgendaToken.hash(token), conference: edition, runner: runner)
        tokens[attendee] = token
        return old
    }

    func head() throws -> Int64 {
        try connection.query("SELECT position FROM log_head").first?.int64("position") ?? 0
    }

    @discardableResult
    func startServer(capacity: Int = 100_000, runsProjector: Bool = true, headerTimeout: Duration = .seconds(10)) throws -> ReadAPIServer {
        let accessLog = self.accessLog
        let server = ReadAPIServer(
            configuration: ReadAPIConfiguration(
                databaseURL: url, port: 0, loops: 2, runsProjector: runsProjector, agendaCapacity: capacity, poll: .milliseconds(500),
                accessLog: { line in accessLog.append(line) }, headerTimeout: headerTimeout))
        try server.start(loadTimeout: .seconds(30))
        self.server = server
        return server
    }

    var port: Int { server?.port ?? 0 }

    func get(_ path: String, method: String = "GET", _ headers: [(String, String)] = []) throws -> WireClient.Response {
        try WireClient.get(port, path, method: method, headers: headers)
    }

    func stop() {
        server?.stop(gracePeriod: .seconds(2))
        server = nil
        connection.close()
    }
}
