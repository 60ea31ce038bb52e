import Events
import Foundation
import XCTest

@testable import Projections

/// The row writer spells every row as `RowCoding.encoder` does: same keys, same values, nil
/// optionals left out; only the key order may differ (every reader parses the text).
final class RowJSONEncoderTests: XCTestCase {
    private let awkward = "quote \" back \\ slash / newline \n tab \t bell \u{7} é 😀 \u{1F}"

    /// An agenda document's hand-written JSON is byte for byte what Codable spells through the writer.
    func testAgendaDocumentsWriteTheirJSONAsCodableWould() throws {
        let flags: [AgendaDocument.Flag] = [
            .init(kind: .moved, message: awkward, session: nil), .init(kind: .overlaps, message: "", session: "s"),
        ]
        let entry = AgendaDocument.Entry(
            session: "ses_1", title: awkward, room: "Room 1", track: nil, speakers: ["A", awkward], starts: "s", ends: "e",
            startsLocal: "sl", endsLocal: "el", status: .waitlisted, waitlistPosition: 3, flags: flags, sequence: -2,
            lastChangedPosition: 9_000_000_001, lastChangedAt: "t")
        var second = entry
        (second.track, second.waitlistPosition, second.flags, second.speakers) = (awkward, nil, [], [])
        let edition = AgendaDocument.Edition(id: "c", name: awkward, city: "Bogotá", timeZone: "America/Bogota")
        for sessions in [[], [entry], [entry, second]] {
            let document = AgendaDocument(
                attendee: "att_1", name: awkward, status: .registered, edition: edition, sessions: sessions, lastChangedPosition: 7,
                lastChangedAt: "2026-10-01T00:00:00.000001Z")
            let codable = RowJSONEncoder()
            try document.encode(to: codable)
            codable.close(above: -1)
            var written: [UInt8] = []
            document.writeJSON(&written)
            XCTAssertEqual(String(decoding: written, as: UTF8.self), codable.text)
        }
    }

    func testEveryRowTypeEncodesLikeJSONEncoder() throws {
        let entry = AgendaDocument.Entry(
            session: "ses_1", title: awkward, room: "Room 1", track: nil, speakers: ["A", awkward], starts: "2026-10-14T15:00:00Z",
            ends: "2026-10-14T16:00:00Z", startsLocal: "2026-10-14T10:00", endsLocal: "2026-10-14T11:00", status: .waitlisted,
            waitlistPosition: 3,
            flags: [.init(kind: .moved, message: awkward, session: nil), .init(kind: .overlaps, message: "m", session: "s")],
            sequence: 2, lastChangedPosition: 9_000_000_001, lastChangedAt: "2026-10-01T00:00:00.000001Z")
        var second = entry
        (second.track, second.waitlistPosition, second.flags, second.speakers) = ("Track", nil, [], [])
        let edition = AgendaDocument.Edition(id: "c", name: awkward, city: "Bogotá", timeZone: "America/Bogota")
        let document = AgendaDocument(
            attendee: "att_1", name: awkward, status: .registered, edition: edition, sessions: [entry, second], lastChangedPosition: 7,
            lastChangedAt: "2026-10-01T00:00:00.000001Z")
        try check(AgendaRow(attendee: "att_1", conference: "c", email: "e@x", tokenHash: "h", lastChangedPosition: 7, document: document))
        try check(
            AgendaRow(
                attendee: "att_2", conference: "c", email: "", tokenHash: "", lastChangedPosition: 0,
                document: .init(
                    attendee: "", name: "", status: .cancelled, edition: edition, sessions: [], lastChangedPosition: 0, lastChangedAt: "")))
        let state = AgendaSessionRow.State(
            conference: "c", title: awkward, room: "r", track: nil, speakers: [], starts: "s", ends: "e", isCancelled: true, sequence: 1,
            seats: ["a", "b"], waitlist: [], history: [.init(starts: "s0", ends: "e0", room: awkward)],
            joined: [.init(attendee: "b", sequence: 1)])
        try check(AgendaSessionRow(session: "ses_1", state: state))
        try check(AgendaEditionRow(conference: "c", state: edition))
        try check(
            AttendeeRow(
                id: "att_1", conference: "c", name: awkward, email: "e", role: "r", organization: nil, city: "Quito", status: .registered,
                checkedInAt: nil, tokenHash: "h", registeredAt: "2026-10-01T00:00:00Z", updatedPosition: -1))
        try check(
            ProgramRow(
                session: "s", conference: "c", title: awkward, room: "r", track: nil, speakers: [awkward], starts: "a", ends: "b",
                capacity: 0,
                seatsTaken: 1, seatsLeft: -1, waitlistLength: Int.max, status: .scheduled, rescheduleCount: Int.min,
                lastChangedPosition: Int64.max, lastChangedAt: "x"))
        try check(RosterRow(session: "s", attendee: "a", name: awkward, kind: .seat, sincePosition: 3))
        try check(ProgramPerson(attendee: "a", name: awkward))
        try check(PlacementScholar(scholar: "s", name: awkward, email: "e", university: "u"))
        try check(
            PlacementOpening(
                opening: "o", city: "Medellín", country: "CO", host: "h", project: awkward, cohort: 2026, starts: "2026-06-01",
                ends: "2026-08-31"))
        try check(
            PlacementRow(
                placement: "p", scholar: "s", scholarName: awkward, scholarEmail: "e", university: "u", opening: "o", city: "c",
                country: "CO", host: "h", project: "p", cohort: 1, starts: "2026-06-01", ends: nil, status: .withdrawn, proposedAt: "a",
                approvedAt: nil,
                confirmedAt: "b", endedAt: nil, note: awkward, reason: nil, outcome: nil, withdrawnBy: "staff", updatedPosition: 4))
    }

    func testKeysAreSnakeCasedLikeJSONEncoder() throws {
        struct Keys: Codable, Sendable {
            var tokenURLHash = 1
            var fooBAR = 2
            var isCancelled = 3
            var a = 4
            var aB = 5
            var lastChangedAt: Date? = Date(timeIntervalSince1970: 1_791_979_200)
            var nothing: String?
            var flag = true
            var nested: [[Int]] = [[1, 2], [], [3]]
        }
        try check(Keys())
        XCTAssertEqual(RowJSONEncoder.snakeCase("tokenURLHash"), "token_url_hash")
        struct Numbers: Codable, Equatable, Sendable {
            var ratio = 0.5
            var whole = 2.0
            var small: Float = -1.25
        }
        let writer = RowJSONEncoder()
        try writer.append(Numbers())
        XCTAssertEqual(try RowCoding.decoder.decode(Numbers.self, from: Data(writer.text.utf8)), Numbers())
        XCTAssertEqual(RowJSONEncoder.snakeCase("lastChangedPosition"), "last_changed_position")
    }

    private func check<Row: Encodable>(_ row: Row, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = String(decoding: try RowCoding.encoder.encode(row), as: UTF8.self)
        let writer = RowJSONEncoder()
        try writer.append(row)
        XCTAssertEqual(try CanonicalJSON.canonicalize(writer.text), try CanonicalJSON.canonicalize(expected), file: file, line: line)
    }
}
