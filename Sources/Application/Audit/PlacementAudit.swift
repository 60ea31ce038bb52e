import Domain
import EventStore
import Events

/// `audit placements`: every placement's history and state as of a moment, replayed from the
/// log itself through `Placement`, `Scholar` and `Opening`'s `evolve`, filtered by scholar
/// and by the opening's city.
public enum PlacementAudit {
    public struct Query: Sendable {
        /// A scholar's id (`sch_…`) or email; unknown ones are refused (`unknown-scholar`).
        public var scholar: String?
        /// The opening's city, case-insensitive.
        public var city: String?
        public var moment: AuditMoment

        public init(scholar: String? = nil, city: String? = nil, moment: AuditMoment = .now) {
            (self.scholar, self.city, self.moment) = (scholar, city, moment)
        }
    }

    public struct Report: Sendable {
        public let cutoff: AuditCutoff
        public let placements: [PlacementAuditRecord]
        /// The scholar filter as resolved, and the city filter as given.
        public let scholar: ScholarID?
        public let city: String?
    }

    /// Throws `Rejection` for an unknown scholar, `AppError.usage` for an instant PostgreSQL
    /// cannot read, and database errors.
    public static func run(
        _ query: Query, store: EventStore, progress: (_ done: Int64, _ total: Int64) -> Void = { _, _ in }
    ) throws -> Report {
        // The scholar is named as the commands name them (id or email, through the email claim),
        // against the whole log: one admitted after the cutoff simply has no placements then.
        let scholar = try query.scholar.map { try Scholar.resolve($0, RecordingReader(store: store)) }
        let cutoff = try AuditCutoff.resolve(query.moment, store: store)
        var replay = PlacementReplay()
        try PlacementAuditSource.read(store, through: cutoff.position, progress: progress) { try replay.apply($0) }
        return Report(cutoff: cutoff, placements: replay.records(scholar: scholar, city: query.city), scholar: scholar, city: query.city)
    }
}
