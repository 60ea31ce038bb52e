import EventStore
import Events
import Foundation
import Postgres
import TestSupport
import XCTest

/// Checks run both on an English-speaking server and on one whose `lc_messages` is not English
/// (`ForeignLanguageStoreTests`): the store must decide on error fields, not on their text.
extension StoreTestCase {
    func claimBatch(_ stream: StreamName, _ count: Int, from first: Int = 1, expecting: [StreamName: Int], commandID: String? = nil)
        -> AppendBatch
    {
        let events = (first..<first + count).map { i in
            PendingEvent(stream, EmailClaimed(scope: "scope \(i)", email: "p\(i)@example.org", holder: "att_\(i)"))
        }
        return AppendBatch(
            commandID: commandID, expectations: expecting, events: events,
            metadata: EventMetadata(actor: "tester", commandID: commandID ?? "", command: "test"), result: ["id": .string("x")])
    }

    /// A written stream that moved since it was read is a conflict naming the stream and its
    /// version, on the function path (`count` small) and on the COPY path (`count` big).
    func assertAWrittenStreamThatMovedConflicts(count: Int) throws {
        let stream = StreamName("claims-\(count)")
        let before = try store.head().position
        _ = try store.append(claimBatch(stream, 2, expecting: [stream: 0]))
        XCTAssertThrowsError(try store.append(claimBatch(stream, count, from: 3, expecting: [stream: 1]))) {
            guard case EventStoreError.conflict(let message) = $0 else { return XCTFail("expected a conflict, got \($0)") }
            XCTAssertEqual(message, "stream claims-\(count) is at version 2, expected 1")
        }
        XCTAssertEqual(try store.head().position, before + 2, "nothing of the refused batch is written")
    }

    /// Two appends with one new command id: the second looked the id up before the first
    /// committed, waits on the head lock, then fails on the commands key. Its answer must be
    /// the first one's stored result, and only the first one's event is in the log.
    func assertACommandIDCommittedWhileWaitingAnswersWithTheStoredResult() throws {
        let holder = try Connection(url)
        defer { holder.close() }
        try holder.simpleQuery("BEGIN")
        let firstStore = EventStore(holder)
        let first = try firstStore.append(claimBatch(StreamName("claims-a"), 1, expecting: [StreamName("claims-a"): 0], commandID: "same"))

        let waiter = try Connection(url)
        defer { waiter.close() }
        let pid = try waiter.query("SELECT pg_backend_pid() AS pid").rows[0].int("pid")
        let answer = LockedBox<Result<AppendOutcome, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let waitingStore = LockedBox(EventStore(waiter))
        let waitingBatch = claimBatch(StreamName("claims-b"), 1, expecting: [StreamName("claims-b"): 0], commandID: "same")
        Thread.detachNewThread {
            answer.set(Result { try waitingStore.get().append(waitingBatch) })
            done.signal()
        }
        try poll(timeout: .seconds(30), "the second append to wait on the head lock") {
            try connection.query("SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'", [pid]).rows[0]
                .int("n") > 0
        }
        try holder.simpleQuery("COMMIT")
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        let outcome = try XCTUnwrap(answer.get()).get()
        XCTAssertTrue(outcome.isDuplicate)
        XCTAssertEqual(outcome.result["position"], first.result["position"])
        XCTAssertEqual(try store.read(after: 0, limit: 10).map(\.stream.rawValue), ["claims-a"])
    }
}
