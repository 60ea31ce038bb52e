import Foundation
import Postgres
import XCTest

final class NoticeTests: DatabaseTestCase {
    func testNoticesAreKeptOnTheConnectionNotPrintedToStderr() throws {
        let stderrText = try capturingStderr {
            try connection.simpleQuery("CREATE TABLE IF NOT EXISTS t (id int); CREATE TABLE IF NOT EXISTS t (id int)")
            try connection.simpleQuery("DO $$ BEGIN RAISE WARNING 'careful'; END $$")
        }
        XCTAssertEqual(stderrText, "")
        XCTAssertEqual(connection.notices.count, 2)
        XCTAssertTrue(connection.notices.first?.contains("already exists, skipping") == true, "\(connection.notices)")
        XCTAssertTrue(connection.notices.last?.contains("careful") == true)
        connection.clearNotices()
        XCTAssertEqual(connection.notices, [])
    }

    func testTheNoticeLogIsBounded() throws {
        let bounded = try Connection(databaseURL, noticeLimit: 3)
        defer { bounded.close() }
        try bounded.simpleQuery("DO $$ BEGIN FOR i IN 1..10 LOOP RAISE NOTICE 'n%', i; END LOOP; END $$")
        XCTAssertEqual(bounded.notices, ["NOTICE:  n8", "NOTICE:  n9", "NOTICE:  n10"])
    }

    /// Points fd 2 at a temporary file while `body` runs and returns what was written there.
    private func capturingStderr(_ body: () throws -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil))
        defer { try? FileManager.default.removeItem(at: file) }
        let capture = try FileHandle(forWritingTo: file)
        let saved = dup(2)
        fflush(nil)
        dup2(capture.fileDescriptor, 2)
        defer {
            fflush(nil)
            dup2(saved, 2)
            close(saved)
            try? capture.close()
        }
        try body()
        fflush(nil)
        return try String(contentsOf: file, encoding: .utf8)
    }
}
