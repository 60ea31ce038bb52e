import Domain
import Events
import XCTest

final class ProgramScheduleTests: XCTestCase {
    private let edition = ProgramFixture.edition

    private func schedule(
        _ suffix: String, room: String = "Hall A", _ starts: String, _ ends: String, capacity: Int = 30
    ) -> (InMemoryStreams) throws -> [PendingEvent] {
        {
            try Session.decide(
                Session.Schedule(
                    id: .make(suffix: suffix), conference: self.edition, title: "Care Blocks", room: room, starts: starts, ends: ends,
                    capacity: capacity, track: "Care", speakers: ["Ana Ruiz", "Li Wei"]), $0)
        }
    }

    func testScheduleRecordsTheSessionAndBooksTheRoom() throws {
        let fixture = try ProgramFixture()
        let events = try fixture.when(schedule("care", "2026-10-14T10:00", "2026-10-14T11:30"))
        let id = SessionID.make(suffix: "care")
        let (starts, ends) = (ProgramFixture.local("2026-10-14T10:00"), ProgramFixture.local("2026-10-14T11:30"))
        assertEvents(
            events,
            [
                PendingEvent(
                    .session(id),
                    SessionScheduled(
                        session: id, conference: edition, title: "Care Blocks", room: "Hall A", starts: starts, ends: ends, capacity: 30,
                        track: "Care", speakers: ["Ana Ruiz", "Li Wei"])),
                PendingEvent(.program(edition), RoomBooked(conference: edition, session: id, room: "Hall A", starts: starts, ends: ends)),
            ])
        XCTAssertTrue(lines(events)[0].contains("\"starts\":\"2026-10-14T14:00:00Z\""), "instants are stored in UTC: \(lines(events)[0])")
    }

    func testSchedulingTheSameIdTwiceIsRefused() throws {
        let fixture = try ProgramFixture()
        assertIdempotent(fixture, schedule("care", "2026-10-14T10:00", "2026-10-14T11:00"))
        assertRejects("duplicate-id") { try fixture.when(self.schedule("care", room: "Hall B", "2026-10-15T10:00", "2026-10-15T11:00")) }
    }

    func testARoomIsNeverDoubleBooked() throws {
        let fixture = try ProgramFixture()
        try fixture.run(schedule("first", "2026-10-14T10:00", "2026-10-14T11:00"))
        let refusal = assertRejects("room-booked") {
            try fixture.when(self.schedule("second", room: "hall  a", "2026-10-14T10:30", "2026-10-14T11:30"))
        }
        XCTAssertTrue(refusal?.message.contains("ses_first") ?? false, refusal?.message ?? "")
        XCTAssertTrue(refusal?.message.contains("Care Blocks") ?? false, refusal?.message ?? "")
        assertRejects("room-booked") { try fixture.when(self.schedule("inside", "2026-10-14T10:15", "2026-10-14T10:45")) }
        assertRejects("room-booked") { try fixture.when(self.schedule("around", "2026-10-14T09:00", "2026-10-14T12:00")) }
    }

    func testAdjacentBookingsAndOtherRoomsAreAllowed() throws {
        let fixture = try ProgramFixture()
        try fixture.run(schedule("first", "2026-10-14T10:00", "2026-10-14T11:00"))
        XCTAssertEqual(try fixture.run(schedule("after", "2026-10-14T11:00", "2026-10-14T12:00")).count, 2)
        XCTAssertEqual(try fixture.run(schedule("before", "2026-10-14T09:00", "2026-10-14T10:00")).count, 2)
        XCTAssertEqual(try fixture.run(schedule("elsewhere", room: "Hall B", "2026-10-14T10:00", "2026-10-14T11:00")).count, 2)
    }

    func testSessionsStayInsideTheEditionsDatesInItsZone() throws {
        let fixture = try ProgramFixture()
        assertRejects("outside-edition") { try fixture.when(self.schedule("early", "2026-10-13T23:00", "2026-10-14T00:30")) }
        assertRejects("outside-edition") { try fixture.when(self.schedule("late", "2026-10-16T23:00", "2026-10-17T00:30")) }
        // 23:30Z on the 16th is 19:30 in New York: inside. 02:00Z on the 17th is 22:00 on the 16th: inside.
        XCTAssertEqual(try fixture.run(schedule("utc", "2026-10-16T23:30Z", "2026-10-17T02:00Z")).count, 2)
        // Until midnight of the last day is allowed; from midnight of the first day too.
        XCTAssertEqual(try fixture.run(schedule("night", room: "Hall N", "2026-10-16T23:00", "2026-10-17T00:00")).count, 2)
        XCTAssertEqual(try fixture.run(schedule("dawn", room: "Hall N", "2026-10-14T00:00", "2026-10-14T01:00")).count, 2)
        // 2026-10-14T03:00Z is 23:00 on the 13th in New York.
        assertRejects("outside-edition") { try fixture.when(self.schedule("zulu", "2026-10-14T03:00Z", "2026-10-14T05:00Z")) }
    }

    func testEndsAfterStartsAndCapacityAtLeastOne() throws {
        let fixture = try ProgramFixture()
        assertRejects("invalid-times") { try fixture.when(self.schedule("backwards", "2026-10-14T11:00", "2026-10-14T10:00")) }
        assertRejects("invalid-times") { try fixture.when(self.schedule("empty", "2026-10-14T11:00", "2026-10-14T11:00")) }
        assertRejects("invalid-capacity") { try fixture.when(self.schedule("none", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 0)) }
        XCTAssertEqual(try fixture.when(schedule("one", "2026-10-14T10:00", "2026-10-14T11:00", capacity: 1)).count, 2)
    }

    func testMalformedTimesAreRefusedWithTheExpectedFormat() throws {
        let fixture = try ProgramFixture()
        let refusal = assertRejects("invalid-time") { try fixture.when(self.schedule("bad", "14/10/2026 10:00", "2026-10-14T11:00")) }
        XCTAssertTrue(refusal?.hint?.contains("YYYY-MM-DDTHH:MM") ?? false)
        XCTAssertTrue(refusal?.message.contains("--starts") ?? false)
    }

    func testInputIsValidated() throws {
        let fixture = try ProgramFixture()
        assertRejects("invalid-title") {
            try Session.decide(
                Session.Schedule(
                    id: .make(suffix: "x"), conference: self.edition, title: " ", room: "A", starts: "2026-10-14T10:00",
                    ends: "2026-10-14T11:00", capacity: 3), fixture.streams)
        }
        assertRejects("unknown-conference") {
            try Session.decide(
                Session.Schedule(
                    id: .make(suffix: "x"), conference: ConferenceID("citylab-2030")!, title: "T", room: "A", starts: "2026-10-14T10:00",
                    ends: "2026-10-14T11:00", capacity: 3), fixture.streams)
        }
    }
}
