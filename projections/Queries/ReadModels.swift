import Domain
import Postgres

/// The read models' queries, for the CLI and the HTTP server. All read committed tables
/// only; none touches the log.
public enum ReadModels {
    static let attendeeColumns = """
        id, conference, name, email, role, organization, city, status, \(RowQuery.instant("checked_in_at")), token_hash,
        \(RowQuery.instant("registered_at")), updated_position
        """

    /// Registrations, by name; each filter is optional (`role`, `status` exact, `conference` the edition).
    public static func attendees(conference: String? = nil, role: String? = nil, status: Attendee.Status? = nil, _ connection: Connection)
        throws
        -> [AttendeeRow]
    {
        try RowQuery.fetch(
            AttendeeRow.self,
            """
            SELECT \(attendeeColumns) FROM attendees
            WHERE ($1::text IS NULL OR conference = $1) AND ($2::text IS NULL OR role = $2) AND ($3::text IS NULL OR status = $3)
            ORDER BY lower(name), id
            """, [conference, role, status?.rawValue], connection)
    }

    public static func attendee(_ id: String, _ connection: Connection) throws -> AttendeeRow? {
        try RowQuery.fetch(AttendeeRow.self, "SELECT \(attendeeColumns) FROM attendees WHERE id = $1", [id], connection).first
    }

    /// The attendee registered with `email` in an edition (an active registration first).
    public static func attendee(email: String, conference: String, _ connection: Connection) throws -> AttendeeRow? {
        try RowQuery.fetch(
            AttendeeRow.self,
            """
            SELECT \(attendeeColumns) FROM attendees WHERE conference = $1 AND email = lower($2)
            ORDER BY status = 'cancelled', updated_position DESC LIMIT 1
            """, [conference, email], connection
        ).first
    }

    /// An attendee's agenda document.
    public static func agenda(attendee: String, _ connection: Connection) throws -> AgendaDocument? {
        let row = try connection.query("SELECT document::text AS document FROM agendas WHERE attendee = $1", [attendee]).rows.first
        return try row.map { try AgendaDocument.decode(try $0.string("document")) }
    }

    /// The agenda a personal link opens: by the hash of its token (only the current token works).
    public static func agenda(tokenHash: String, _ connection: Connection) throws -> AgendaDocument? {
        let row = try connection.query("SELECT document::text AS document FROM agendas WHERE token_hash = $1", [tokenHash]).rows.first
        return try row.map { try AgendaDocument.decode(try $0.string("document")) }
    }

    static let programColumns = """
        session, conference, title, room, track, speakers, \(RowQuery.instant("starts")), \(RowQuery.instant("ends")), capacity,
        seats_taken, seats_left, waitlist_length, status, reschedule_count, last_changed_position, \(RowQuery.instant("last_changed_at"))
        """

    /// The program, in time order (cancelled sessions included, marked by `status`).
    public static func sessions(conference: String? = nil, _ connection: Connection) throws -> [ProgramRow] {
        try RowQuery.fetch(
            ProgramRow.self,
            "SELECT \(programColumns) FROM program WHERE ($1::text IS NULL OR conference = $1) ORDER BY starts, title, session",
            [conference], connection)
    }

    public static func session(_ id: String, _ connection: Connection) throws -> ProgramRow? {
        try RowQuery.fetch(ProgramRow.self, "SELECT \(programColumns) FROM program WHERE session = $1", [id], connection).first
    }

    /// Seat holders (in the order they got their seats), then the waitlist in order.
    public static func roster(session: String, _ connection: Connection) throws -> [RosterEntry] {
        try RowQuery.fetch(
            RosterEntry.self,
            """
            SELECT attendee, name, kind, since_position,
                   CASE WHEN kind = 'waitlist' THEN row_number() OVER (PARTITION BY kind ORDER BY since_position) END AS position
            FROM rosters WHERE session = $1 ORDER BY kind, since_position
            """, [session], connection)
    }

    /// Placements by city, then cohort and scholar; filters optional (`city` ignores case).
    public static func placements(city: String? = nil, status: PlacementStatus? = nil, cohort: Int? = nil, _ connection: Connection) throws
        -> [PlacementRow]
    {
        let dates = ["proposed_at", "approved_at", "confirmed_at", "ended_at"].map(RowQuery.instant).joined(separator: ", ")
        return try RowQuery.fetch(
            PlacementRow.self,
            """
            SELECT placement, scholar, scholar_name, scholar_email, university, opening, city, country, host, project, cohort,
                   to_char(starts, 'YYYY-MM-DD') AS starts, to_char(ends, 'YYYY-MM-DD') AS ends, status, \(dates), note, reason, outcome, withdrawn_by, updated_position
            FROM placements
            WHERE ($1::text IS NULL OR lower(city) = lower($1)) AND ($2::text IS NULL OR status = $2) AND ($3::int IS NULL OR cohort = $3)
            ORDER BY city, cohort, scholar_name, placement
            """, [city, status?.rawValue, cohort], connection)
    }
}

/// One line of a session's roster; `position` only for the waitlisted (1 = next in line).
public struct RosterEntry: Codable, Sendable, Equatable {
    public var attendee: String
    public var name: String
    public var kind: RosterKind
    public var sincePosition: Int64
    public var position: Int?
}
