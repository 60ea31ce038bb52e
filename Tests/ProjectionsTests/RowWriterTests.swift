import Foundation
import Postgres
import XCTest

@testable import Projections

/// Rows are written one way (`RowCopyWritable`): every table's row writes exactly its columns,
/// and rows written by COPY are stored exactly as `json_populate_recordset` stores them from the
/// same rows' Codable JSON: awkward text, nil optionals, nested documents, arrays, dates.
final class RowWriterTests: XCTestCase {
    private let awkward = "quote \" back \\ slash \\N newline \n cr \r tab \t bell \u{7} é 😀 \u{1F} null"

    /// The row type of every read-model table. A new table needs its row here.
    private let rowTypes: [String: any RowCopyWritable.Type] = [
        "attendees": AttendeeRow.self, "program": ProgramRow.self, "rosters": RosterRow.self, "program_people": ProgramPerson.self,
        "agendas": AgendaRow.self, "agenda_sessions": AgendaSessionRow.self, "agenda_editions": AgendaEditionRow.self,
        "placements": PlacementRow.self, "placement_scholars": PlacementScholar.self, "placement_openings": PlacementOpening.self,
    ]

    /// A migration that adds, drops or reorders a column fails here until the row writes the
    /// table's columns again: nothing falls back to another way of writing.
    func testEveryTableIsWrittenByARowDeclaringExactlyItsColumns() throws {
        let database = try ProjectionDatabase.fresh()
        let tables = Set(Projector.all.flatMap(\.tables))
        XCTAssertEqual(Set(rowTypes.keys), tables, "every projection table has its row type, and only those")
        for table in tables.sorted() {
            let columns = try database.connection.query(
                "SELECT attname::text AS name FROM pg_attribute WHERE attrelid = $1::text::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum",
                [table]
            ).rows.map { try $0.string("name") }
            XCTAssertEqual(rowTypes[table]?.copyColumns, columns, table)
        }
    }

    func testCopiedRowsMatchJSONPopulatedRows() throws {
        let database = try ProjectionDatabase.fresh()
        let connection = database.connection
        let entry = AgendaDocument.Entry(
            session: "ses_1", title: awkward, room: "Room \t1", track: nil, speakers: ["A", awkward], starts: "2026-10-14T15:00:00Z",
            ends: "2026-10-14T16:00:00Z", startsLocal: "2026-10-14T10:00", endsLocal: "2026-10-14T11:00", status: .waitlisted,
            waitlistPosition: 3, flags: [.init(kind: .moved, message: awkward, session: nil)], sequence: 2,
            lastChangedPosition: 9_000_000_001, lastChangedAt: "2026-10-01T00:00:00.000001Z")
        let edition = AgendaDocument.Edition(id: "c", name: awkward, city: "Bogotá", timeZone: "America/Bogota")
        let document = AgendaDocument(
            attendee: "att_1", name: awkward, status: .registered, edition: edition, sessions: [entry], lastChangedPosition: 7,
            lastChangedAt: "2026-10-01T00:00:00.000001Z")
        let agendas = [
            AgendaRow(attendee: "att_1", conference: "c", email: awkward, tokenHash: "null", lastChangedPosition: 7, document: document),
            AgendaRow(attendee: "att_2", conference: "", email: "", tokenHash: "\\", lastChangedPosition: -1, document: document),
        ]
        try compare(agendas, table: "agendas", connection)
        let attendees = [
            AttendeeRow(
                id: "att_1", conference: "c", name: awkward, email: "e", role: "r", organization: nil, city: awkward, status: .registered,
                checkedInAt: nil, tokenHash: "h", registeredAt: "2026-10-01T00:00:00.000001Z", updatedPosition: 3),
            AttendeeRow(
                id: "att_2", conference: "c", name: "", email: "e", role: "r", organization: "", city: nil, status: .checkedIn,
                checkedInAt: "2026-10-14T15:00:00Z", tokenHash: "h", registeredAt: "2026-10-01T00:00:00Z", updatedPosition: 4),
        ]
        try compare(attendees, table: "attendees", connection)
        let program = ProgramRow(
            session: "ses_1", conference: "c", title: awkward, room: "r", track: nil, speakers: [awkward, ""],
            starts: "2026-10-14T15:00:00Z", ends: "2026-10-14T16:00:00Z", capacity: 3, seatsTaken: 1, seatsLeft: 2,
            waitlistLength: 0, status: .scheduled, rescheduleCount: 0, lastChangedPosition: 5,
            lastChangedAt: "2026-10-01T00:00:00.000001Z")
        try compare([program], table: "program", connection)
        let rosters = [
            RosterRow(session: "ses_1", attendee: "att_1", name: awkward, kind: .seat, sincePosition: 9_000_000_001),
            RosterRow(session: "ses_1", attendee: "att_2", name: "", kind: .waitlist, sincePosition: 2),
        ]
        try compare(rosters, table: "rosters", connection)
        let people = [ProgramPerson(attendee: "att_1", name: awkward), ProgramPerson(attendee: "att_2", name: "")]
        try compare(people, table: "program_people", connection)
        let placements = [
            PlacementRow(
                placement: "plc_1", scholar: "sch_1", scholarName: awkward, scholarEmail: "s@uni.edu", university: "Uni \\",
                opening: "opn_1",
                city: "Bogotá", country: "CO", host: "Host\t1", project: awkward, cohort: 2026, starts: "2026-06-01", ends: "2026-08-31",
                status: .withdrawn, proposedAt: "2026-10-01T00:00:00.000001Z", approvedAt: "2026-10-02T00:00:00Z",
                confirmedAt: "2026-10-03T00:00:00Z", endedAt: "2026-10-04T00:00:00Z", note: awkward, reason: "", outcome: nil,
                withdrawnBy: "host", updatedPosition: 12),
            PlacementRow(
                placement: "plc_2", scholar: "sch_2", scholarName: "", scholarEmail: "", university: "", opening: "opn_2", city: "",
                country: "", host: "", project: "", cohort: -1, starts: nil, ends: nil, status: .proposed,
                proposedAt: "2026-10-01T00:00:00Z", approvedAt: nil, confirmedAt: nil, endedAt: nil, note: nil, reason: nil,
                outcome: awkward, withdrawnBy: nil, updatedPosition: 13),
        ]
        try compare(placements, table: "placements", connection)
        let scholars = [PlacementScholar(scholar: "sch_1", name: awkward, email: "e", university: "")]
        try compare(scholars, table: "placement_scholars", connection)
        let openings = [
            PlacementOpening(
                opening: "opn_1", city: awkward, country: "CO", host: "Host\t1", project: "", cohort: 2026, starts: "2026-06-01",
                ends: "2026-08-31")
        ]
        try compare(openings, table: "placement_openings", connection)
        let state = AgendaSessionRow.State(
            conference: "c", title: awkward, room: "r", track: nil, speakers: [awkward], starts: "s", ends: "e", isCancelled: true,
            sequence: 1, seats: ["att_1"], waitlist: [], history: [.init(starts: "a", ends: "b", room: awkward)],
            joined: [.init(attendee: "att_1", sequence: 1)])
        try compare([AgendaSessionRow(session: "ses_1", state: state)], table: "agenda_sessions", connection)
        try compare([AgendaEditionRow(conference: "c", state: edition)], table: "agenda_editions", connection)
    }

    /// The pipeline's producer threads hand back every row's line, in order, and an error.
    func testThePipelineSendsEveryLineInOrder() throws {
        let rows = (0..<2345).map { ProgramPerson(attendee: "att_\($0)", name: "name \t\($0)") }
        let expected = Array(rows.map { "\($0.attendee)\tname \\t\($0.attendee.dropFirst(4))\n" }.joined().utf8)
        var sent: [UInt8] = []
        var chunks = 0
        try RowCopyPipeline.send(rows, batchSize: 100) { chunk in
            sent += chunk
            chunks += 1
        }
        XCTAssertEqual(sent, expected)
        XCTAssertEqual(chunks, 24)
        struct Broken: Error {}
        struct Failing: RowCopyWritable {
            static let copyColumns = ["number"]
            let number: Int
            func writeCopyLine(_ line: inout RowCopyLine) throws {
                if number == 777 { throw Broken() }
                line.number(number)
                line.end()
            }
        }
        XCTAssertThrowsError(
            try RowCopyPipeline.send((0..<3000).map(Failing.init), batchSize: 100) { _ in }
        ) { XCTAssertTrue($0 is Broken, "\($0)") }
    }

    /// Writes `rows` into two empty copies of `table`, by COPY and by `json_populate_recordset`, and compares them.
    private func compare<Row: RowCopyWritable>(_ rows: [Row], table: String, _ connection: Connection) throws {
        try connection.simpleQuery(
            "CREATE TEMP TABLE copied (LIKE \(table) INCLUDING ALL); CREATE TEMP TABLE populated (LIKE \(table) INCLUDING ALL)")
        defer { try? connection.simpleQuery("DROP TABLE copied; DROP TABLE populated") }
        _ = try connection.copyIn("COPY copied (\(Row.copyColumns.joined(separator: ", "))) FROM STDIN") { send in
            try RowCopyPipeline.send(rows, send)
        }
        let json = String(decoding: try RowCoding.encoder.encode(rows), as: UTF8.self)
        try connection.execute("INSERT INTO populated SELECT * FROM json_populate_recordset(NULL::populated, $1::json)", [json])
        let copied = try connection.query("SELECT t::text AS row FROM copied t ORDER BY 1").rows.map { try $0.string("row") }
        let populated = try connection.query("SELECT t::text AS row FROM populated t ORDER BY 1").rows.map { try $0.string("row") }
        XCTAssertEqual(copied.count, rows.count)
        XCTAssertEqual(copied, populated)
    }
}
