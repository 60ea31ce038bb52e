import EventStore
import Events
import Postgres

/// Where an audit stops reading: the position of the last event it includes, when that event
/// was recorded, and how that came from the moment asked for.
public struct AuditCutoff: Sendable, Equatable {
    /// The last position included (0: before the first event, nothing included).
    public let position: Int64
    /// `recorded_at` of the event at `position` (canonical UTC, microseconds); nil at 0.
    public let recordedAt: String?
    /// The log's head when the audit ran.
    public let head: Int64
    public let moment: AuditMoment
    /// The instant asked for, in the canonical UTC spelling (with `--as-of`).
    public let requestedInstant: String?

    /// A `--position` past the head: the answer is the current state.
    public var isBeyondHead: Bool {
        if case .position(let asked) = moment { return asked > head }
        return false
    }

    /// Resolves a moment against the log. A malformed calendar date in an instant is a usage error.
    public static func resolve(_ moment: AuditMoment, store: EventStore) throws -> AuditCutoff {
        let head = try store.head()
        switch moment {
        case .now:
            return AuditCutoff(
                position: head.position, recordedAt: head.instant, head: head.position, moment: moment, requestedInstant: nil)
        case .position(let asked):
            let position = min(asked, head.position)
            return AuditCutoff(
                position: position, recordedAt: try instant(at: position, store), head: head.position, moment: moment, requestedInstant: nil
            )
        case .instant(let text):
            let requested = try canonical(text, store)
            // recorded_at never goes backwards: scanning back from the head, the first event at
            // or before the instant is the last one recorded by then.
            let rows = try store.connection.query(
                """
                SELECT position, citylab_instant(recorded_at) AS instant FROM events
                WHERE recorded_at <= $1::timestamptz ORDER BY position DESC LIMIT 1
                """, [text])
            let row = rows.rows.first
            return AuditCutoff(
                position: try row?.int64("position") ?? 0, recordedAt: row?["instant"], head: head.position, moment: moment,
                requestedInstant: requested)
        }
    }

    private static func instant(at position: Int64, _ store: EventStore) throws -> String? {
        guard position > 0 else { return nil }
        return try store.connection.query("SELECT citylab_instant(recorded_at) AS instant FROM events WHERE position = $1", [position])
            .rows.first?["instant"]
    }

    /// PostgreSQL reads the instant (so the comparison is exact to the microsecond); a value
    /// it refuses (31 February, hour 25) is the user's typo, not a database failure.
    private static func canonical(_ text: String, _ store: EventStore) throws -> String {
        do {
            return try store.connection.query("SELECT citylab_instant($1::timestamptz) AS instant", [text]).rows.first?["instant"] ?? text
        } catch let error as PostgresError where error.sqlState?.hasPrefix("22") == true {
            throw AuditMoment.malformed(text)
        }
    }
}
