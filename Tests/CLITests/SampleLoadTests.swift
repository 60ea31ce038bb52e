import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import XCTest

/// `CityLabSample.load` on a fresh database: the story's numbers, an intact log, a second
/// load that appends nothing, and the facts the demo shows (waitlists, a moved session, the
/// Summer Scholars' withdrawal and completions).
final class SampleLoadTests: XCTestCase {
    var cli: CLIHarness!
    var connection: Connection!
    var store: EventStore!
    let context = CommandContext(actor: "sample-test", source: "test")

    override func setUpWithError() throws {
        cli = try CLIHarness.fresh()
        connection = try cli.connection()
        store = EventStore(connection)
    }

    override func tearDown() { connection?.close() }

    func testLoadsTheStoryOnceAndTheLogStaysIntact() throws {
        let first = try CityLabSample.load(store: store, context: context)
        print("sample load: \(first.eventsAppended) events in \(first.milliseconds) ms")
        XCTAssertEqual(first.edition, "citylab-2026")
        XCTAssertEqual(first.attendees, 600)
        XCTAssertEqual(first.cancelledRegistrations, 12)
        XCTAssertEqual(first.sessions, 60)
        XCTAssertEqual(first.cancelledSessions, 1)
        XCTAssertEqual(first.rescheduledSessions, 1)
        XCTAssertGreaterThanOrEqual(first.fullSessions, 3, "some sessions are full with people waiting")
        XCTAssertGreaterThan(first.waitlisted, 20)
        XCTAssertGreaterThan(first.promotions, 10)
        XCTAssertGreaterThan(first.enrollments, 2_500)
        XCTAssertGreaterThan(first.checkedIn, 400)
        XCTAssertEqual(first.scholars, 5)
        XCTAssertEqual(first.openings, 4)
        XCTAssertEqual(first.placements, 6)
        XCTAssertEqual(first.completedPlacements, 5)
        XCTAssertEqual(first.withdrawnPlacements, 1)
        XCTAssertEqual(first.eventsAppended, try cli.eventCount())
        XCTAssertEqual(first.position, Int64(first.eventsAppended))
        XCTAssertLessThan(first.milliseconds, 30_000)

        guard case .intact(let events, _) = try ChainVerifier.verify(store) else { return XCTFail("the hash chain is broken") }
        XCTAssertEqual(events, Int64(first.eventsAppended))

        let second = try CityLabSample.load(store: store, context: context)
        XCTAssertEqual(second.eventsAppended, 0)
        XCTAssertEqual(try cli.eventCount(), first.eventsAppended, "a second load appends nothing")
        var comparable = second
        (comparable.eventsAppended, comparable.milliseconds) = (first.eventsAppended, first.milliseconds)
        XCTAssertEqual(comparable, first, "the second load reports the same story")
    }

    func testTheShowcaseAndTheStoryHold() throws {
        connection.close()
        cli = try SampleTemplate.harness()
        connection = try cli.connection()
        store = EventStore(connection)
        let summary = try CityLabSample.load(store: store, context: context)
        XCTAssertEqual(summary.eventsAppended, 0, "the template holds the sample already")
        XCTAssertEqual(summary.showcase.count, 2)
        for person in summary.showcase {
            XCTAssertEqual(person.token.count, 32)
            let stored = try connection.query(
                "SELECT data->>'token_hash' AS hash FROM events WHERE type = 'AttendeeRegistered' AND data->>'attendee' = $1",
                [person.attendee.rawValue])
            XCTAssertEqual(try stored.rows.first?.string("hash"), AgendaToken.hash(person.token), "the printed token opens their agenda")
        }
        let moved = try XCTUnwrap(summary.showcase.first)
        XCTAssertTrue(moved.story.contains("moved from"), moved.story)
        XCTAssertTrue(moved.story.contains("on the waitlist"), moved.story)
        let streams = try store.readStream(.attendee(moved.attendee)).events.map(\.type)
        XCTAssertTrue(streams.contains("SeatTimesChanged"), "\(streams)")
        XCTAssertTrue(streams.contains("WaitlistJoined"), "\(streams)")
        XCTAssertTrue(try XCTUnwrap(summary.showcase.last).story.contains("Moved up from the waitlist"))

        XCTAssertEqual(try count("SessionRescheduled"), 1)
        XCTAssertEqual(try count("SessionCancelled"), 1)
        XCTAssertEqual(try count("ConferenceOpened"), 1)
        XCTAssertGreaterThan(try count("Waitlisted"), 50)
        XCTAssertGreaterThan(try count("PromotedFromWaitlist"), 10)
        XCTAssertEqual(try count("ScholarAdmitted"), 5)
        XCTAssertEqual(try count("PlacementWithdrawn"), 1)
        XCTAssertEqual(try count("PlacementCompleted"), 5)
        XCTAssertEqual(try count("OpeningSeatTaken"), 5)
        let cities = try connection.query("SELECT data->>'city' AS city FROM events WHERE type = 'OpeningCreated' ORDER BY position")
        XCTAssertEqual(try cities.rows.map { try $0.string("city") }, ["Bogotá", "Mexico City", "Salt Lake City", "Reykjavík"])
        let studio = try connection.query(
            "SELECT (data->>'capacity')::int AS seats FROM events WHERE type = 'SessionScheduled' AND data->>'title' LIKE 'City Innovation Studio%'"
        )
        XCTAssertEqual(try studio.rows.first?.int("seats"), 125)
        let roles = try connection.query("SELECT count(DISTINCT data->>'role') AS n FROM events WHERE type = 'AttendeeRegistered'")
        XCTAssertEqual(try roles.rows.first?.int("n"), 9)
        let overlaps = try connection.query(
            "SELECT count(*) AS n FROM events WHERE type = 'AttendeeRegistered' AND data->>'email' NOT LIKE '%@example.%'")
        XCTAssertEqual(try overlaps.rows.first?.int("n"), 0, "every address is synthetic")
    }

    /// The audit trail names who did what: staff approve, each scholar confirms their own
    /// placement, the host withdraws, the registration desk checks people in; never the person
    /// who happened to run the load.
    func testEveryStepOfTheStoryHasABelievableActor() throws {
        connection.close()
        cli = try SampleTemplate.harness()
        connection = try cli.connection()
        func actors(_ type: String) throws -> [String] {
            try connection.query("SELECT DISTINCT meta->>'actor' AS actor FROM events WHERE type = $1 ORDER BY 1", [type]).rows.map {
                try $0.string("actor")
            }
        }
        XCTAssertEqual(try actors("ConferenceOpened"), ["Camila Rojas (CityLab program director)"])
        XCTAssertEqual(try actors("SessionRescheduled"), ["Andrés Molina (CityLab program team)"])
        XCTAssertEqual(try actors("AttendeeRegistered"), ["CityLab registration site"])
        XCTAssertEqual(try actors("AttendeeCheckedIn"), ["Juliana Torres (registration desk, Main Hall)"])
        XCTAssertEqual(try actors("PlacementProposed"), ["Priya Raman (Summer Scholars coordinator)"])
        XCTAssertEqual(try actors("PlacementApproved"), ["Marcus Bell (Summer Scholars director)"])
        XCTAssertEqual(try actors("PlacementWithdrawn"), ["Dana Kimball (Salt Lake City Mayor's Office)"])
        let confirmations = try connection.query(
            """
            SELECT c.meta->>'actor' AS actor, s.data->>'name' AS scholar FROM events c
            JOIN events p ON p.type = 'PlacementProposed' AND p.data->>'placement' = c.data->>'placement'
            JOIN events s ON s.type = 'ScholarAdmitted' AND s.data->>'scholar' = p.data->>'scholar'
            WHERE c.type = 'PlacementConfirmed' ORDER BY c.position
            """)
        XCTAssertEqual(confirmations.rows.count, 5)
        for row in confirmations.rows { XCTAssertEqual(try row.string("actor"), try row.string("scholar") + " (scholar)") }
        let runner = try connection.query("SELECT count(*) AS n FROM events WHERE meta->>'actor' = 'test-organizer'")
        XCTAssertEqual(try runner.rows[0].int("n"), 0, "the one who ran the load is no actor in the story")
    }

    private func count(_ type: String) throws -> Int {
        try connection.query("SELECT count(*) AS n FROM events WHERE type = $1", [type]).rows[0].int("n")
    }
}
