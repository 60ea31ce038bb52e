import EventStore
import Events
import Foundation
import Postgres
import TestSupport
import XCTest

/// The two ways an append reaches the log (migration 3): small batches through one call of
/// `citylab_append`, big ones hashed here and sent in one call of `citylab_append_rows` after
/// `citylab_append_open`. Both must write the same chain, refuse the same conflicts and
/// answer a command id once.
final class AppendPathTests: StoreTestCase {
    /// `count` claims in one stream, each payload with characters COPY and JSON must escape.
    func claims(_ stream: StreamName, _ count: Int, from first: Int = 1) -> [PendingEvent] {
        (first..<first + count).map { i in
            PendingEvent(stream, EmailClaimed(scope: "tab\there \\ \"q\" ü \(i)", email: "p\(i)@example.org", holder: "att_\(i)"))
        }
    }

    func batch(_ events: [PendingEvent], expecting: [StreamName: Int], commandID: String? = nil) -> AppendBatch {
        AppendBatch(
            commandID: commandID, expectations: expecting, events: events,
            metadata: EventMetadata(actor: "tester\t\\", commandID: commandID ?? "", command: "test"), result: ["id": .string("x")])
    }

    func testBigAndSmallBatchesWriteOneUnbrokenChain() throws {
        let big = StreamName("claims\tbig")
        let small = StreamName("claims-small")
        let first = try store.append(batch(claims(big, 40), expecting: [big: 0]))
        XCTAssertEqual(first.position, 40)
        guard case .array(let events)? = first.result["events"] else { return XCTFail("no events in \(first.result)") }
        XCTAssertEqual(events.count, 40)
        XCTAssertEqual(events.last?["position"]?.intValue, 40)
        XCTAssertEqual(events.last?["version"]?.intValue, 40)
        _ = try store.append(batch(claims(small, 1), expecting: [small: 0]))
        _ = try store.append(batch(claims(small, 3, from: 2), expecting: [small: 1, big: 40]))
        let last = try store.append(batch(claims(big, 100, from: 41), expecting: [big: 40, small: 4]))
        XCTAssertEqual(last.position, 144)

        let log = try store.read(after: 0, limit: 1_000)
        XCTAssertEqual(log.map(\.position), Array(1...144))
        XCTAssertEqual(try store.readStream(big).version, 140)
        XCTAssertEqual(Set(log[0..<40].map(\.instant)).count, 1, "one stamp per batch")
        XCTAssertEqual(log.map(\.instant), log.map(\.instant).sorted(), "recorded_at never goes backwards")
        let decoded = try XCTUnwrap(log[0].decoded() as? EmailClaimed)
        XCTAssertEqual(decoded.scope, "tab\there \\ \"q\" ü 1")
        var previous = HashChain.genesis
        for event in log {
            previous = try HashChain.link(previous: previous, event)
            XCTAssertEqual(previous, event.hash, "position \(event.position)")
        }
        XCTAssertEqual(try store.head().hash, previous)
        XCTAssertEqual(try ChainVerifier.verify(store), .intact(events: 144, head: try store.head()))
    }

    func testABigBatchRefusesAMovedStreamAndWritesNothing() throws {
        let big = StreamName("claims-big")
        let other = StreamName("claims-other")
        _ = try store.append(batch(claims(other, 2), expecting: [other: 0]))
        // Written stream expected at 0 but at 2: the (stream, version) index refuses the COPY.
        XCTAssertThrowsError(try store.append(batch(claims(other, 50, from: 3), expecting: [other: 0]))) {
            guard case EventStoreError.conflict(let message) = $0 else { return XCTFail("expected a conflict, got \($0)") }
            XCTAssertTrue(message.contains("claims-other is at version 2, expected 0"), message)
        }
        // A stream only read moved: refused under the lock, before any row is sent.
        XCTAssertThrowsError(try store.append(batch(claims(big, 50), expecting: [big: 0, other: 1]))) {
            guard case EventStoreError.conflict(let message) = $0 else { return XCTFail("expected a conflict, got \($0)") }
            XCTAssertTrue(message.contains("claims-other is at version 2, expected 1"), message)
        }
        XCTAssertEqual(try store.head().position, 2)
        XCTAssertEqual(try store.read(after: 0, limit: 100).count, 2)
        XCTAssertEqual(try ChainVerifier.verify(store), .intact(events: 2, head: try store.head()))
    }

    func testABigBatchCommandIDCommitsOnceAndNotifies() throws {
        let listener = try Connection(url)
        defer { listener.close() }
        try listener.listen("citylab_events")
        let big = StreamName("claims-big")
        let first = try store.append(batch(claims(big, 60), expecting: [big: 0], commandID: "bulk-1"))
        XCTAssertEqual(try listener.waitForNotification(timeout: .seconds(5))?.payload, "60")
        let again = try store.append(batch(claims(big, 60, from: 61), expecting: [big: 60], commandID: "bulk-1"))
        XCTAssertTrue(again.isDuplicate)
        XCTAssertEqual(again.result, first.result)
        XCTAssertEqual(try store.head().position, 60)
        XCTAssertEqual(try store.commandResult("bulk-1")?["position"]?.intValue, 60)
    }

    /// The result stored for a command id is spelled straight from the batch (not through
    /// JSONValue): read back, it must equal what the append answered, events listed in order
    /// with their streams (escaped), types, versions and positions, on both paths.
    func testAStoredResultListsEveryEventAsTheAppendAnswered() throws {
        let odd = StreamName("claims\t\"q\" \\ ü")
        let plain = StreamName("claims-plain")
        for (id, count) in [("small-1", 3), ("big-1", 40)] {
            let events =
                claims(odd, count, from: try store.readStream(odd).version + 1)
                + claims(plain, 2, from: try store.readStream(plain).version + 1)
            let expectations = [odd: try store.readStream(odd).version, plain: try store.readStream(plain).version]
            let outcome = try store.append(batch(events, expecting: expectations, commandID: id))
            guard case .array(let listed)? = outcome.result["events"] else { return XCTFail("no events in \(outcome.result)") }
            XCTAssertEqual(listed.count, count + 2)
            XCTAssertEqual(listed.first?["stream"]?.stringValue, odd.rawValue)
            XCTAssertEqual(listed.last?["stream"]?.stringValue, plain.rawValue)
            XCTAssertEqual(listed.last?["position"]?.intValue, outcome.position)
            XCTAssertEqual(listed.first?["type"]?.stringValue, EmailClaimed.eventType)
            XCTAssertEqual(outcome.result["id"]?.stringValue, "x")
            XCTAssertEqual(try store.commandResult(id), outcome.result)
        }
    }

    /// Migration 4: a long-lived connection (the server, an import, the bench) plans a big
    /// batch's open and close once (left to the plan cache, close's range count was planned
    /// anew on every batch), and batches still go through. Migration 5's wrappers (owner's
    /// rights, search path pinned) keep generic plans too, and so does migration 9's
    /// `citylab_append_rows`, which now closes the batch (migration 5's close is gone).
    func testABigBatchOpensAndClosesOnGenericPlans() throws {
        let settings = try connection.query(
            """
            SELECT proname, prosecdef, array_to_string(proconfig, ',') AS config FROM pg_proc
            WHERE proname LIKE 'citylab\\_append\\_%' AND proname <> 'citylab_append_unchecked' ORDER BY proname
            """
        ).rows.map { "\($0["proname"] ?? "?") \($0["prosecdef"] ?? "?"): \($0["config"] ?? "")" }
        XCTAssertEqual(
            settings,
            [
                "citylab_append_close_unchecked f: plan_cache_mode=force_generic_plan",
                "citylab_append_open t: search_path=public, pg_temp,plan_cache_mode=force_generic_plan",
                "citylab_append_open_unchecked f: plan_cache_mode=force_generic_plan",
                "citylab_append_rows t: search_path=public, pg_temp,plan_cache_mode=force_generic_plan",
            ])
        let big = StreamName("claims-big")
        XCTAssertEqual(try store.append(batch(claims(big, 40), expecting: [big: 0])).position, 40)
        XCTAssertEqual(try store.append(batch(claims(big, 40, from: 41), expecting: [big: 40])).position, 80)
    }

    /// A payload, stream or type with a newline cannot be sent one per line: refused before
    /// anything reaches the database.
    func testANewlineInAStreamNameIsRefused() throws {
        let bad = StreamName("claims\nbad")
        XCTAssertThrowsError(try store.append(batch(claims(bad, 1), expecting: [bad: 0]))) {
            guard case EventStoreError.newline = $0 else { return XCTFail("expected a newline refusal, got \($0)") }
        }
        XCTAssertEqual(try store.head().position, 0)
    }

    /// Two appends with one new command id: the second looked the id up before the first
    /// committed, waits on the head lock, then fails on the commands key. Its answer must be
    /// the first one's stored result, and only the first one's event is in the log.
    func testACommandIDCommittedWhileWaitingAnswersWithTheStoredResult() throws {
        try assertACommandIDCommittedWhileWaitingAnswersWithTheStoredResult()
    }
}

/// A value handed between threads under a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
}
