import Domain
import Foundation
import XCTest

final class ProgramTimeTests: XCTestCase {
    private let newYork = TimeZone(identifier: "America/New_York")!
    private let bogota = TimeZone(identifier: "America/Bogota")!

    private func utc(_ text: String, in zone: TimeZone) throws -> String {
        LocalDateTime.format(try LocalDateTime.parse(text, in: zone, field: "--starts"), in: TimeZone(identifier: "UTC")!)
    }

    func testLocalTimeIsReadInTheEditionsZone() throws {
        XCTAssertEqual(try utc("2026-10-14T09:00", in: newYork), "2026-10-14T13:00")  // EDT, UTC-4
        XCTAssertEqual(try utc("2026-12-14T09:00", in: newYork), "2026-12-14T14:00")  // EST, UTC-5
        XCTAssertEqual(try utc("2026-10-14T09:00", in: bogota), "2026-10-14T14:00")
        XCTAssertEqual(try utc("2026-10-14T09:00:30", in: newYork), "2026-10-14T13:00:30")
    }

    func testAnOffsetOrZWinsOverTheZone() throws {
        XCTAssertEqual(try utc("2026-10-14T09:00-04:00", in: bogota), "2026-10-14T13:00")
        XCTAssertEqual(try utc("2026-10-14T09:00Z", in: newYork), "2026-10-14T09:00")
        XCTAssertEqual(try utc("2026-10-14T09:00:15Z", in: newYork), "2026-10-14T09:00:15")
        XCTAssertEqual(try utc("2026-10-14T09:00+05:30", in: newYork), "2026-10-14T03:30")
        XCTAssertEqual(try utc("2026-10-14T09:00+0530", in: newYork), "2026-10-14T03:30")
        XCTAssertEqual(try utc("2026-10-14T00:30+01:00", in: newYork), "2026-10-13T23:30")
    }

    func testMalformedTimesNameTheExpectedFormat() {
        for text in [
            "", "2026-10-14", "2026-10-14 09:00", "2026-10-14T9:00", "2026-10-14T24:00", "2026-10-14T09:60", "2026-02-30T09:00",
            "2026-10-14T09:00:61", "2026-10-14T09:00+5", "2026-10-14T09:00+05:3", "2026-10-14T09:00UTC", "2026-10-14T09:00:00.5Z",
            "tomorrow",
        ] {
            XCTAssertThrowsError(try LocalDateTime.parse(text, in: newYork, field: "--starts"), text) { error in
                let rejection = error as? Rejection
                XCTAssertEqual(rejection?.rule, "invalid-time", text)
                XCTAssertTrue(rejection?.hint?.contains("YYYY-MM-DDTHH:MM") ?? false, text)
            }
        }
    }

    func testALocalTimeSkippedByDaylightSavingIsRefused() {
        // 2026-03-08: New York clocks jump from 02:00 to 03:00.
        XCTAssertThrowsError(try LocalDateTime.parse("2026-03-08T02:30", in: newYork, field: "--starts")) { error in
            XCTAssertEqual((error as? Rejection)?.rule, "nonexistent-time")
            XCTAssertTrue((error as? Rejection)?.hint?.contains("-04:00") ?? false, "\(error)")
        }
        XCTAssertEqual(try utc("2026-03-08T01:59", in: newYork), "2026-03-08T06:59")
        XCTAssertEqual(try utc("2026-03-08T03:00", in: newYork), "2026-03-08T07:00")
    }

    func testAnAmbiguousLocalTimeIsTheEarlierInstant() throws {
        // 2026-11-01: New York clocks fall back from 02:00 EDT to 01:00 EST; 01:30 happens twice.
        XCTAssertEqual(try utc("2026-11-01T01:30", in: newYork), "2026-11-01T05:30")
        XCTAssertEqual(try utc("2026-11-01T01:30-05:00", in: newYork), "2026-11-01T06:30")
    }

    func testFormattingShowsTheWallClockOfTheZone() throws {
        let instant = try LocalDateTime.parse("2026-10-14T13:00Z", in: newYork, field: "t")
        XCTAssertEqual(LocalDateTime.format(instant, in: newYork), "2026-10-14T09:00")
        XCTAssertEqual(LocalDateTime.format(instant, in: TimeZone(identifier: "Asia/Kolkata")!), "2026-10-14T18:30")
        let early = try LocalDateTime.parse("1969-12-31T23:00Z", in: newYork, field: "t")
        XCTAssertEqual(LocalDateTime.format(early, in: TimeZone(identifier: "UTC")!), "1969-12-31T23:00")
    }

    func testTheDayStartsAtLocalMidnight() throws {
        let day = LocalDate("2026-10-14")!
        XCTAssertEqual(
            LocalDateTime.format(LocalDateTime.startOfDay(day, in: newYork), in: TimeZone(identifier: "UTC")!), "2026-10-14T04:00")
        XCTAssertEqual(
            LocalDateTime.format(LocalDateTime.startOfDay(LocalDate("2026-12-31")!, plusDays: 1, in: newYork), in: newYork),
            "2027-01-01T00:00")
    }
}
