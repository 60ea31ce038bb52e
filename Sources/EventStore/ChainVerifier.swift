import Events
import Postgres

/// Checks the log is intact: the append-only triggers are in place and fire (`TriggerCheck`), positions run 1, 2, 3 …
/// without a gap, every hash links to the one before, and the head row matches the last
/// event. With a kept head (`POS:HASH` from `audit head`), also proves the log up to POS is
/// exactly that log, even if someone recomputed every later hash. `each` sees every event whose
/// hash checks out, in order, so other checks walk the log in the same pass.
public enum ChainVerifier {
    public enum Outcome: Sendable, Equatable {
        case intact(events: Int64, head: LogHead)
        case broken(position: Int64, reason: String)
        /// The log checks out by itself, but not against the kept head: no event at its
        /// position, or that event's hash differs (a mistyped head, or a log changed since).
        case keptHeadMismatch(position: Int64, reason: String)
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
        progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }, each: (RecordedEvent) -> Void = { _ in }
    ) throws -> Outcome {
        if let problem = try TriggerCheck.problem(store.connection) {
            return .broken(position: 0, reason: problem)
        }
        let head = try store.head()
        // Reads start after position 0, so a row slipped in at 0 or below would go unseen.
        let before = try store.connection.query("SELECT max(position) AS p FROM events WHERE position < 1")
        if let stray = try before.rows.first?.optionalInt64("p") {
            return .broken(position: stray, reason: "a row at position \(stray): positions start at 1")
        }
        var previous = HashChain.genesis
        var expected: Int64 = 1
        var keptMismatch: String?
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
                    // Reported once the rest of the chain checks out: a broken chain comes first.
                    keptMismatch =
                        "the event at position \(event.position) has hash \(Hex.encode(hash)), which differs from the kept head "
                        + "\(kept.position):\(Hex.encode(kept.hash))"
                }
                each(event)
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
            if let keptMismatch { return .keptHeadMismatch(position: kept.position, reason: keptMismatch) }
            if kept.position > last {
                return .keptHeadMismatch(
                    position: kept.position,
                    reason: "there is no event at position \(kept.position): the kept head's position is past the end of the log (\(last))")
            }
            if kept.position == 0 && kept.hash != HashChain.genesis {
                return .keptHeadMismatch(position: 0, reason: "the kept head 0 must carry the genesis hash (64 zeros)")
            }
        }
        return .intact(events: last, head: head)
    }
}

// MARK: the append-only triggers

/// Whether the log's append-only triggers are in place as migration 1 made them and fire for
/// every session: `events_append_only`, a BEFORE UPDATE OR DELETE row trigger, and
/// `events_no_truncate`, a BEFORE TRUNCATE statement trigger, both calling
/// `citylab_refuse_log_change()`, enabled for ordinary sessions (`O`) or always (`A`), with no
/// WHEN condition and no column list. `ENABLE REPLICA TRIGGER` (`R`) or `DISABLE` (`D`) lets
/// ordinary sessions change the log.
private enum TriggerCheck {
    private struct Expected {
        let name: String
        /// `pg_trigger.tgtype` bits: ROW 1, BEFORE 2, DELETE 8, UPDATE 16, TRUNCATE 32.
        let type: Int
        let what: String
        let restore: String
    }

    private static let expected = [
        Expected(
            name: "events_append_only", type: 1 | 2 | 8 | 16, what: "a BEFORE UPDATE OR DELETE row trigger",
            restore: "CREATE OR REPLACE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE "
                + "FUNCTION citylab_refuse_log_change()"),
        Expected(
            name: "events_no_truncate", type: 2 | 32, what: "a BEFORE TRUNCATE statement trigger",
            restore: "CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON events FOR EACH STATEMENT EXECUTE "
                + "FUNCTION citylab_refuse_log_change()"),
    ]

    /// What is wrong with the triggers, or nil when both are in place and fire.
    static func problem(_ connection: Connection) throws -> String? {
        let rows = try connection.query(
            """
            SELECT t.tgname, t.tgenabled::text AS enabled, t.tgtype::int AS type, p.proname,
                   t.tgqual IS NOT NULL AS conditional, cardinality(t.tgattr::int2[]) > 0 AS columns,
                   position('RAISE EXCEPTION' IN p.prosrc) > 0 AS raises
            FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE t.tgrelid = 'events'::regclass AND t.tgname = ANY($1)
            """, [expected.map(\.name)])
        var found: [String: Row] = [:]
        for row in rows.rows { found[try row.string("tgname")] = row }
        for trigger in expected {
            let prefix = "the append-only trigger \(trigger.name) on events"
            guard let row = found[trigger.name] else {
                return "\(prefix) is missing; recreate it: \(trigger.restore)"
            }
            switch try row.string("enabled") {
            case "O", "A": break
            case "R":
                return "\(prefix) fires only for replication sessions (ENABLE REPLICA TRIGGER), so ordinary sessions can change "
                    + "the log; restore it: ALTER TABLE events ENABLE TRIGGER \(trigger.name)"
            default:
                return "\(prefix) is disabled; restore it: ALTER TABLE events ENABLE TRIGGER \(trigger.name)"
            }
            let isExpected =
                try row.int("type") == trigger.type && row.string("proname") == "citylab_refuse_log_change"
                && !row.bool("conditional") && !row.bool("columns") && row.bool("raises")
            guard isExpected else {
                return "\(prefix) is not \(trigger.what) calling citylab_refuse_log_change(), which refuses every change; "
                    + "recreate it: \(trigger.restore)"
            }
        }
        return nil
    }
}
