import XCTest

@testable import Projections

/// Rows of the rebuild's COPY stream parse back to what the server holds.
final class EventCopyRowTests: XCTestCase {
    func testFieldsAndEscapesParse() throws {
        let text = "42\tSeatTaken\t2\t{\"a\": \"x\\\\\\\\y\\\\\"z\\\\n\", \"b\": \"\\t\\101\\x41\"}\t2026-10-01T00:00:00.050000Z\n"
        let row = try EventCopyRow.parse(Array(text.utf8))
        XCTAssertEqual(row.position, 42)
        XCTAssertEqual(row.type, "SeatTaken")
        XCTAssertEqual(row.schema, 2)
        XCTAssertEqual(row.data, "{\"a\": \"x\\\\y\\\"z\\n\", \"b\": \"\tAA\"}")
        XCTAssertEqual(row.instant, "2026-10-01T00:00:00.050000Z")
        XCTAssertThrowsError(try EventCopyRow.parse(Array("x\ty\n".utf8)))
    }
}
