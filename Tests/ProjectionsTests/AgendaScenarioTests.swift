import Application
import Domain
import Events
import Foundation
import Projections
import XCTest

/// An agenda through a day of changes: seats, waitlist places that move up, a reschedule that
/// creates an overlap, a skipped waitlist place, a cancelled session; times in the edition's zone.
final class AgendaScenarioTests: XCTestCase {
    var database: ProjectionDatabase!
    let edition = ConferenceID("citylab-2026")!

    override func setUpWithError() throws {
        database = try ProjectionDatabase.fresh()
        _ = try RegistrationCommands.openConference(
            Conference.Open(
                id: edition.rawValue, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
                ends: "2026-10-16"), runner: database.runner)
    }

    override func tearDown() { database?.close() }

    func register(_ id: String) throws -> AttendeeID {
        let attendee = AttendeeID("att_\(id)")!
        _ = try RegistrationCommands.register(
            Attendee.Register(
                id: attendee, name: id.capitalized, email: "\(id)@example.org", role: "mayor", organization: nil, city: nil,
                tokenHash: SHA256.hex(id)),
            conference: edition, runner: database.runner)
        return attendee
    }

    func schedule(_ id: String, _ starts: String, _ ends: String, capacity: Int) throws -> SessionID {
        let session = SessionID("ses_\(id)")!
        let command = Session.Schedule(
            id: session, conference: edition, title: id.capitalized, room: "Room \(id)", starts: starts, ends: ends, capacity: capacity)
        XCTAssertNil(try database.run("session schedule") { try Session.decide(command, $0) })
        return session
    }

    func add(_ attendee: AttendeeID, _ session: SessionID) throws {
        XCTAssertNil(try database.run("agenda add") { try Agenda.decide(Agenda.Add(attendee: attendee, session: session), $0) })
    }

    func agenda(_ attendee: AttendeeID) throws -> AgendaDocument {
        try Projector.catchUpAll(database.connection)
        return try XCTUnwrap(try ReadModels.agenda(attendee: attendee.rawValue, database.connection))
    }

    func testAnAgendaFollowsEnrollmentsWaitlistsReschedulesAndCancellations() throws {
        let ana = try register("ana")
        let bo = try register("bo")
        let cy = try register("cy")
        let mobility = try schedule("mobility", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 1)
        let data = try schedule("data", "2026-10-14T14:00", "2026-10-14T15:00", capacity: 5)
        try add(ana, mobility)
        try add(bo, mobility)
        try add(cy, mobility)
        var bos = try agenda(bo)
        XCTAssertEqual(bos.sessions.map(\.status), [.waitlisted])
        XCTAssertEqual(bos.sessions.first?.waitlistPosition, 1)
        XCTAssertEqual(try agenda(cy).sessions.first?.waitlistPosition, 2)
        XCTAssertEqual(bos.sessions.first?.startsLocal, "2026-10-14T10:00")
        XCTAssertEqual(bos.sessions.first?.starts, "2026-10-14T15:00:00Z")

        // Bo leaves the waitlist: Cy moves up to 1.
        XCTAssertNil(try database.run("agenda drop") { try Agenda.decide(Agenda.Drop(attendee: bo, session: mobility), $0) })
        XCTAssertEqual(try agenda(cy).sessions.first?.waitlistPosition, 1)
        bos = try agenda(bo)
        XCTAssertEqual(bos.sessions, [])

        // Ana holds Data too; moving Mobility onto Data's time makes them overlap.
        try add(ana, data)
        XCTAssertNil(
            try database.run("session reschedule") {
                try Session.decide(Session.Reschedule(session: mobility, starts: "2026-10-14T14:00"), $0)
            })
        let anas = try agenda(ana)
        let moved = try XCTUnwrap(anas.sessions.first { $0.session == mobility.rawValue })
        XCTAssertEqual(moved.startsLocal, "2026-10-14T14:00")
        XCTAssertEqual(moved.sequence, 1)
        XCTAssertTrue(moved.flags.contains { $0.kind == .moved && $0.message == "moved from 10:00 to 14:00" }, "\(moved.flags)")
        XCTAssertTrue(moved.flags.contains { $0.kind == .overlaps && $0.session == data.rawValue }, "\(moved.flags)")
        XCTAssertEqual(try agenda(cy).sessions.first?.flags.first { $0.kind == .moved }?.message, "moved from 10:00 to 14:00")

        // Cy holds Data; a seat frees in Mobility (same time), so Cy is skipped and keeps the place.
        try add(cy, data)
        XCTAssertNil(
            try database.run("session reschedule") { try Session.decide(Session.Reschedule(session: mobility, capacity: 2), $0) })
        let cys = try agenda(cy)
        let waiting = try XCTUnwrap(cys.sessions.first { $0.session == mobility.rawValue })
        XCTAssertEqual(waiting.status, .waitlisted)
        XCTAssertEqual(waiting.flags.first { $0.kind == .skipped }?.message, "skipped on the waitlist while it clashes with 'Data'")

        // Data is cancelled: it stays on the agendas, marked.
        XCTAssertNil(
            try database.run("session cancel") { try Session.decide(Session.Cancel(session: data, reason: "speaker ill"), $0) })
        let after = try agenda(ana)
        let cancelled = try XCTUnwrap(after.sessions.first { $0.session == data.rawValue })
        XCTAssertEqual(cancelled.status, .cancelled)
        XCTAssertEqual(cancelled.flags.map(\.message), ["cancelled: speaker ill"])
        XCTAssertFalse(after.sessions.contains { $0.flags.contains { $0.kind == .overlaps } })
        XCTAssertEqual(after.edition.timeZone, "America/Bogota")
        let cancelledAt = try database.count("SELECT max(position) AS n FROM events WHERE type = 'SessionCancelled'")
        XCTAssertEqual(after.lastChangedPosition, Int64(cancelledAt))
        XCTAssertEqual(cancelled.lastChangedPosition, Int64(cancelledAt))
        // Cancelling Data ended Cy's clash: Cy takes Mobility's free seat, and the skip flag is gone.
        let roster = try ReadModels.roster(session: mobility.rawValue, database.connection)
        XCTAssertEqual(roster.map(\.kind), [.seat, .seat])
        let promoted = try XCTUnwrap(try agenda(cy).sessions.first { $0.session == mobility.rawValue })
        XCTAssertEqual(promoted.status, .seat)
        XCTAssertFalse(promoted.flags.contains { $0.kind == .skipped }, "\(promoted.flags)")
    }

    func reschedule(_ session: SessionID, _ starts: String) throws {
        XCTAssertNil(
            try database.run("session reschedule") { try Session.decide(Session.Reschedule(session: session, starts: starts), $0) })
    }

    func movedFlag(_ attendee: AttendeeID, _ session: SessionID) throws -> String? {
        try agenda(attendee).sessions.first { $0.session == session.rawValue }?.flags.first { $0.kind == .moved }?.message
    }

    /// After two moves the flag says where the session was when each attendee signed up, and
    /// goes once it is back there.
    func testMovedSaysWhereTheSessionWasWhenTheAttendeeSignedUp() throws {
        let ana = try register("ana")
        let bo = try register("bo")
        let mobility = try schedule("mobility", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 5)
        try add(ana, mobility)
        try reschedule(mobility, "2026-10-14T14:00")
        try add(bo, mobility)
        XCTAssertEqual(try movedFlag(ana, mobility), "moved from 10:00 to 14:00")
        XCTAssertNil(try movedFlag(bo, mobility), "Bo signed up for 14:00")

        try reschedule(mobility, "2026-10-15T16:00")
        XCTAssertEqual(try movedFlag(ana, mobility), "moved from 2026-10-14 10:00 to 2026-10-15 16:00")
        XCTAssertEqual(try movedFlag(bo, mobility), "moved from 2026-10-14 14:00 to 2026-10-15 16:00")
        XCTAssertEqual(try agenda(ana).sessions.first?.sequence, 2)

        try reschedule(mobility, "2026-10-14T10:00")
        XCTAssertNil(try movedFlag(ana, mobility), "back where Ana signed up for it")
        XCTAssertEqual(try movedFlag(bo, mobility), "moved from 14:00 to 10:00")
    }

    /// Skipped while holding a clashing seat, then the clash ends but no seat is free: they
    /// keep their place, and the skip flag goes (clashing seat dropped, or moved away).
    func testASkipFlagGoesWhenTheClashEndsWithoutAFreeSeat() throws {
        let (ana, cy, eve, dee) = (try register("ana"), try register("cy"), try register("eve"), try register("dee"))
        let workshop = try schedule("workshop", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 1)
        let xeriscape = try schedule("xeriscape", "2026-10-14T10:30", "2026-10-14T11:30", capacity: 5)
        let yards = try schedule("yards", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 5)
        for attendee in [ana, cy, eve, dee] { try add(attendee, workshop) }
        try add(cy, xeriscape)
        try add(eve, yards)
        // Ana leaves: Cy and Eve are skipped (their clashes), Dee takes the seat.
        XCTAssertNil(try database.run("agenda drop") { try Agenda.decide(Agenda.Drop(attendee: ana, session: workshop), $0) })
        func skip(_ attendee: AttendeeID) throws -> String? {
            let entry = try agenda(attendee).sessions.first { $0.session == workshop.rawValue }
            XCTAssertEqual(entry?.status, .waitlisted)
            return entry?.flags.first { $0.kind == .skipped }?.message
        }
        XCTAssertEqual(try skip(cy), "skipped on the waitlist while it clashes with 'Xeriscape'")
        XCTAssertEqual(try skip(eve), "skipped on the waitlist while it clashes with 'Yards'")

        XCTAssertNil(try database.run("agenda drop") { try Agenda.decide(Agenda.Drop(attendee: cy, session: xeriscape), $0) })
        XCTAssertNil(try skip(cy), "Cy no longer holds Xeriscape")
        XCTAssertEqual(try agenda(cy).sessions.first?.waitlistPosition, 1, "Cy keeps the place")
        XCTAssertNotNil(try skip(eve))

        try reschedule(yards, "2026-10-14T15:00")
        XCTAssertNil(try skip(eve), "Yards no longer overlaps the workshop")

        // A rebuild of the log ends the same.
        let live = try database.snapshot("agendas")
        _ = try Rebuilder.rebuild([AgendasProjection()], database.connection)
        XCTAssertEqual(try database.snapshot("agendas"), live)
    }
}
