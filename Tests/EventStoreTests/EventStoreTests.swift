import EventStore
import Events
import Postgres
import TestSupport
import XCTest

/// A fresh database with the event store's migrations for every test, and a store on it.
class StoreTestCase: XCTestCase {
    var url: String!
    var connection: Connection!
    var store: EventStore!

    override func setUpWithError() throws {
        let template = try TestCluster.shared.template(named: "citylab_store_template") { connection in
            try Migrator.migrate(connection, Migrator.eventStore)
        }
        url = try TestCluster.shared.freshDatabase(template: template)
        connection = try Connection(url)
        store = EventStore(connection)
    }

    override func tearDown() {
        connection?.close()
    }
}

/// The event store against a real PostgreSQL: appends with expectations, reads, idempotency,
/// the hash chain, notifications.
final class EventStoreTests: StoreTestCase {

    let edition = ConferenceID("citylab-2026")!

    func opened(_ name: String = "CityLab 2026") -> ConferenceOpened {
        ConferenceOpened(
            conference: edition, name: name, city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14", ends: "2026-10-16")
    }

    func batch(_ events: [PendingEvent], expecting: [StreamName: Int], commandID: String? = nil) -> AppendBatch {
        AppendBatch(
            commandID: commandID, expectations: expecting, events: events,
            metadata: EventMetadata(actor: "tester", commandID: commandID ?? "", command: "test"), result: ["id": .string("x")])
    }

    func testAppendAndReadBackAcrossStreams() throws {
        let claim = StreamName.emailClaim(scope: "citylab-2026", email: "a@b.org")
        let first = try store.append(batch([PendingEvent(.conference(edition), opened())], expecting: [.conference(edition): 0]))
        XCTAssertFalse(first.isDuplicate)
        XCTAssertEqual(first.position, 1)
        let second = try store.append(
            batch(
                [
                    PendingEvent(claim, EmailClaimed(scope: "citylab-2026", email: "a@b.org", holder: "att_a")),
                    PendingEvent(claim, EmailReleased(scope: "citylab-2026", email: "a@b.org", holder: "att_a")),
                ], expecting: [claim: 0, .conference(edition): 1]))
        XCTAssertEqual(second.position, 3)
        let summary = try XCTUnwrap(second.result["events"])
        XCTAssertEqual(
            summary,
            .array([
                .object(["type": .string("EmailClaimed"), "stream": .string(claim.rawValue), "version": .int(1), "position": .int(2)]),
                .object(["type": .string("EmailReleased"), "stream": .string(claim.rawValue), "version": .int(2), "position": .int(3)]),
            ]))
        let (events, version) = try store.readStream(claim)
        XCTAssertEqual(version, 2)
        XCTAssertEqual(events.map(\.type), ["EmailClaimed", "EmailReleased"])
        XCTAssertEqual(try store.read(after: 1, limit: 10).map(\.position), [2, 3])
        let decoded = try XCTUnwrap(try store.readStream(.conference(edition)).events.first?.decoded() as? ConferenceOpened)
        XCTAssertEqual(decoded, opened())
        XCTAssertEqual(try store.read(types: ["ConferenceOpened"]).count, 1)
    }

    func testAWrittenStreamThatMovedConflictsOnBothPaths() throws {
        try assertAWrittenStreamThatMovedConflicts(count: 1)
        try assertAWrittenStreamThatMovedConflicts(count: 50)
    }

    func testConflictWhenAWrittenOrOnlyReadStreamMoved() throws {
        _ = try store.append(batch([PendingEvent(.conference(edition), opened())], expecting: [.conference(edition): 0]))
        XCTAssertThrowsError(
            try store.append(batch([PendingEvent(.conference(edition), opened("again"))], expecting: [.conference(edition): 0]))
        ) {
            guard case EventStoreError.conflict = $0 else { return XCTFail("expected a conflict, got \($0)") }
        }
        // A stream only read (expected at 0, but it is at 1) also conflicts, and nothing is written.
        let claim = StreamName.emailClaim(scope: "citylab-2026", email: "a@b.org")
        XCTAssertThrowsError(
            try store.append(
                batch(
                    [PendingEvent(claim, EmailClaimed(scope: "s", email: "a@b.org", holder: "h"))],
                    expecting: [claim: 0, .conference(edition): 0]))
        ) {
            guard case EventStoreError.conflict(let message) = $0 else { return XCTFail("expected a conflict, got \($0)") }
            XCTAssertTrue(message.contains("conference-citylab-2026"), message)
        }
        XCTAssertEqual(try store.head().position, 1)
        XCTAssertThrowsError(
            try store.append(batch([PendingEvent(claim, EmailClaimed(scope: "s", email: "a", holder: "h"))], expecting: [:]))
        ) {
            guard case EventStoreError.unexpectedStream = $0 else { return XCTFail("expected unexpectedStream, got \($0)") }
        }
    }

    func testSameCommandIDCommitsOnce() throws {
        let first = try store.append(
            batch([PendingEvent(.conference(edition), opened())], expecting: [.conference(edition): 0], commandID: "c-1"))
        // The retry decided against fresh state (version 1) and would write again: the id wins.
        let again = try store.append(
            batch([PendingEvent(.conference(edition), opened())], expecting: [.conference(edition): 1], commandID: "c-1"))
        XCTAssertTrue(again.isDuplicate)
        XCTAssertEqual(again.result, first.result)
        XCTAssertEqual(try store.head().position, 1)
        XCTAssertEqual(try store.commandResult("c-1"), first.result)
        XCTAssertNil(try store.commandResult("c-2"))
    }

    func testHashChainMatchesSwiftRecomputationAndHeadMoves() throws {
        _ = try store.append(
            batch([PendingEvent(.conference(edition), opened("Ünïcødé \"quoted\" \\ back\nslash"))], expecting: [.conference(edition): 0]))
        let claim = StreamName.emailClaim(scope: "citylab-2026", email: "a@b.org")
        _ = try store.append(
            batch([PendingEvent(claim, EmailClaimed(scope: "citylab-2026", email: "a@b.org", holder: "att_a"))], expecting: [claim: 0]))
        var previous = HashChain.genesis
        for event in try store.read(after: 0, limit: 10) {
            previous = try HashChain.link(previous: previous, event)
            XCTAssertEqual(previous, event.hash, "position \(event.position)")
        }
        XCTAssertEqual(try store.head().hash, previous)
        XCTAssertEqual(try ChainVerifier.verify(store), .intact(events: 2, head: try store.head()))
    }

    func testRecordedAtNeverGoesBackwards() throws {
        for i in 0..<20 {
            let claim = StreamName.emailClaim(scope: "s", email: "p\(i)@b.org")
            _ = try store.append(
                batch([PendingEvent(claim, EmailClaimed(scope: "s", email: "p\(i)@b.org", holder: "h"))], expecting: [claim: 0]))
        }
        let instants = try store.read(after: 0, limit: 100).map(\.instant)
        XCTAssertEqual(instants, instants.sorted())
    }

    func testAppendNotifiesListeners() throws {
        let listener = try Connection(url)
        defer { listener.close() }
        try listener.listen("citylab_events")
        _ = try store.append(batch([PendingEvent(.conference(edition), opened())], expecting: [.conference(edition): 0]))
        let note = try listener.waitForNotification(timeout: .seconds(5))
        XCTAssertEqual(note?.channel, "citylab_events")
        XCTAssertEqual(note?.payload, "1")
    }

    func testMigrationsAreIdempotent() throws {
        XCTAssertEqual(try Migrator.migrate(connection, Migrator.eventStore), [])
        let status = try Migrator.status(connection, Migrator.eventStore)
        XCTAssertEqual(status.applied, 9)
        XCTAssertFalse(status.isBehind)
    }

    /// Migration 2 came after the read models' 100s: a database that has those but not 2 is behind.
    func testAMigrationMissingBelowTheHighestIsBehind() throws {
        try connection.execute("DELETE FROM citylab_migrations WHERE version = 2")
        try connection.execute("INSERT INTO citylab_migrations (version, name) VALUES (100, 'later')")
        let status = try Migrator.status(connection, Migrator.eventStore + [Migration(version: 100, name: "later", sql: "")])
        XCTAssertTrue(status.isBehind)
        XCTAssertEqual(status.missing, [2])
        XCTAssertEqual(try Migrator.migrate(connection, Migrator.eventStore), [2])
        XCTAssertFalse(try Migrator.status(connection, Migrator.eventStore).isBehind)
    }
}
