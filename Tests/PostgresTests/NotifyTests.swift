import Postgres
import XCTest

final class NotifyTests: DatabaseTestCase {
    func testReceivesANotificationFromAnotherConnection() throws {
        let channel = "events \"new\""
        try connection.listen(channel)
        let sender = try Connection(databaseURL)
        defer { sender.close() }
        try sender.notify(channel, payload: "position=42")
        let notification = try XCTUnwrap(connection.waitForNotification(timeout: .seconds(10)))
        XCTAssertEqual(notification.channel, channel)
        XCTAssertEqual(notification.payload, "position=42")
        XCTAssertEqual(notification.backendPID, sender.backendPID)
    }

    func testNotificationsThatArrivedDuringAQueryAreNotLost() throws {
        try connection.listen("wake")
        // Our own NOTIFY is delivered while we run the next statements, into libpq's queue,
        // where a poll() on the socket would never see it.
        try connection.transaction {
            try connection.notify("wake", payload: "one")
            try connection.notify("wake", payload: "two")
        }
        _ = try connection.query("SELECT 1")
        XCTAssertEqual(try connection.waitForNotification(timeout: .zero)?.payload, "one")
        XCTAssertEqual(try connection.waitForNotification(timeout: .seconds(5))?.payload, "two")
    }

    func testReturnsNilAfterTheTimeout() throws {
        try connection.listen("quiet")
        let clock = ContinuousClock()
        let start = clock.now
        XCTAssertNil(try connection.waitForNotification(timeout: .milliseconds(150)))
        let waited = clock.now - start
        XCTAssertGreaterThanOrEqual(waited, .milliseconds(150))
        XCTAssertLessThan(waited, .seconds(5))
    }

    func testUnlistenStopsDelivery() throws {
        try connection.listen("gone")
        try connection.unlisten("gone")
        try connection.notify("gone")
        XCTAssertNil(try connection.waitForNotification(timeout: .milliseconds(50)))
    }
}
