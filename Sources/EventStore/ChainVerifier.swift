import Events
import Postgres

/// Checks the log is intact: the append-only triggers are in place, positions run 1, 2, 3 …
/// without a gap, every hash links to the one before, and the head row matches the last
/// event. With a kept head (`POS:HASH` from `audit head`), also proves the log up to POS is
/// exactly that log, even if someone recomputed every later hash.
public enum ChainVerifier {
    public enum Outcome: Sendable, Equatable {
        case intact(events: Int64, head: LogHead)
        case broken(position: Int64, reason: String)
    }

    public struct KeptHead: Sendable, Equatable {
        public let position: Int64
        public let hash: [UInt8]

        /// Parses `POSITION:HASH` (64 hex digits); nil when malformed.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let position = Int64(parts[0]), position >= 0,
                let hash = Hex.decode(String(parts[1])), hash.count == 32
            else { return nil }
            self.position = position
            self.hash = hash
        }
    }

    public static func verify(
        _ store: EventStore, kept: KeptHead? = nil, pageSize: Int = 5_000,
        progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> Outcome {
        let triggers = try store.connection.query(
            """
            SELECT count(*) AS n FROM pg_trigger
            WHERE tgrelid = 'events'::regclass AND tgname IN ('events_append_only', 'events_no_truncate') AND tgenabled <> 'D'
            """)
        if try triggers.rows.first?.int("n") != 2 {
            return .broken(position: 0, reason: "the append-only triggers on events are missing or disabled")
        }
        let head = try store.head()
        // Reads start after position 0, so a row slipped in at 0 or below would go unseen.
        let before = try store.connection.query("SELECT max(position) AS p FROM events WHERE position < 1")
        if let stray = try before.rows.first?.optionalInt64("p") {
            return .broken(position: stray, reason: "a row at position \(stray): positions start at 1")
        }
        var previous = HashChain.genesis
        var expected: Int64 = 1
        while true {
            let page = try store.read(after: expected - 1, limit: pageSize)
            for event in page {
                if event.position != expected {
                    return .broken(position: expected, reason: "position \(expected) is missing (next is \(event.position))")
                }
                let hash: [UInt8]
                do {
                    hash = try HashChain.link(previous: previous, event)
                } catch {
                    // Every stored payload was canonical JSON with integers only; this one was altered.
                    return .broken(position: event.position, reason: "its payload or metadata is not valid citylab JSON (\(error))")
                }
                if hash != event.hash {
                    return .broken(position: event.position, reason: "the hash does not match the event's contents or its predecessor")
                }
                if let kept, kept.position == event.position, kept.hash != hash {
                    return .broken(
                        position: event.position, reason: "the log differs from the kept head \(kept.position):\(Hex.encode(kept.hash))")
                }
                previous = hash
                expected += 1
            }
            progress(expected - 1, head.position)
            if page.count < pageSize { break }
        }
        let last = expected - 1
        if last != head.position || (last > 0 && head.hash != previous) {
            return .broken(position: max(last, head.position), reason: "the head row (\(head)) does not match the last event (\(last))")
        }
        if let kept {
            if kept.position > last {
                return .broken(
                    position: kept.position, reason: "the kept head's position \(kept.position) is past the end of the log (\(last))")
            }
            if kept.position == 0 && kept.hash != HashChain.genesis {
                return .broken(position: 0, reason: "the kept head 0 must carry the genesis hash (64 zeros)")
            }
        }
        return .intact(events: last, head: head)
    }
}
