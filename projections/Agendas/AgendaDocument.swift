import Domain
import Foundation

/// An attendee's agenda, ready to serve: what `GET /agenda/{token}` renders as JSON, HTML or
/// iCalendar and `citylab agenda show` prints. Stored as JSON (snake_case keys, see
/// `RowCoding`) in `agendas.document`; decode it with `AgendaDocument.decode(_:)`.
public struct AgendaDocument: Codable, Sendable, Equatable {
    public var attendee: String
    public var name: String
    public var status: Attendee.Status
    public var edition: Edition
    /// In order of start time (then title).
    public var sessions: [Entry]
    /// The last event that changed this document, and when it was recorded (ETag, DTSTAMP).
    public var lastChangedPosition: Int64
    public var lastChangedAt: String

    public struct Edition: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var city: String
        /// IANA zone the local times are in, e.g. `America/Bogota`.
        public var timeZone: String
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var session: String
        public var title: String
        public var room: String
        public var track: String?
        public var speakers: [String]
        /// Instants, UTC: `2026-10-14T15:00:00Z`.
        public var starts: String
        public var ends: String
        /// Wall-clock times in the edition's zone: `2026-10-14T10:00`.
        public var startsLocal: String
        public var endsLocal: String
        public var status: AgendaEntryStatus
        /// 1 = next in line; only while waitlisted.
        public var waitlistPosition: Int?
        public var flags: [Flag]
        /// Reschedules of the session so far (iCalendar SEQUENCE).
        public var sequence: Int
        /// The last event that touched this entry (iCalendar DTSTAMP).
        public var lastChangedPosition: Int64
        public var lastChangedAt: String
    }

    public struct Flag: Codable, Sendable, Equatable {
        public var kind: AgendaFlagKind
        /// For people: "moved from 10:00 to 14:00", "now overlaps 'Open data'".
        public var message: String
        /// The other session involved (overlaps, skipped), if any.
        public var session: String?
    }
}

extension AgendaDocument {
    /// Decodes `agendas.document` as stored.
    public static func decode(_ json: String) throws -> AgendaDocument {
        try RowCoding.decoder.decode(AgendaDocument.self, from: Data(json.utf8))
    }
}
