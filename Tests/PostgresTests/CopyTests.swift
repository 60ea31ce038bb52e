import Postgres
import XCTest

final class CopyTests: DatabaseTestCase {
    private struct ProducerFailed: Error {}

    override func setUpWithError() throws {
        try super.setUpWithError()
        try connection.simpleQuery("CREATE TABLE events (position bigint PRIMARY KEY, body text)")
    }

    func testCopyInManyRows() throws {
        let count = try connection.copyIn("COPY events (position, body) FROM STDIN") { write in
            for position in 1...20_000 {
                try write(Array("\(position)\tbody \\\\ of \(position) é\n".utf8))
            }
        }
        XCTAssertEqual(count, 20_000)
        XCTAssertEqual(try scalar("SELECT count(*) FROM events"), "20000")
        XCTAssertEqual(try scalar("SELECT body FROM events WHERE position = 7"), "body \\ of 7 é")
    }

    func testBadRowMidCopyLeavesNothing() throws {
        let error = postgresError {
            try self.connection.copyIn("COPY events (position, body) FROM STDIN") { write in
                for position in 1...100 { try write(Array("\(position)\tok\n".utf8)) }
                try write(Array("not-a-number\tbad\n".utf8))
                for position in 200...300 { try write(Array("\(position)\tok\n".utf8)) }
            }
        }
        XCTAssertEqual(error?.sqlState, "22P02")
        XCTAssertTrue(connection.isOpen)
        XCTAssertEqual(try scalar("SELECT count(*) FROM events"), "0")
    }

    func testProducerErrorAbortsTheCopyAndIsRethrown() throws {
        XCTAssertThrowsError(
            try connection.copyIn("COPY events (position, body) FROM STDIN") { write in
                try write(Array("1\tok\n".utf8))
                throw ProducerFailed()
            }
        ) { XCTAssertTrue($0 is ProducerFailed, "got \($0)") }
        XCTAssertEqual(try scalar("SELECT count(*) FROM events"), "0")
    }

    func testCopyOutStreamsEveryRow() throws {
        try connection.execute("INSERT INTO events SELECT g, 'b' || g FROM generate_series(1, 5000) g")
        var chunks = 0
        var bytes: [UInt8] = []
        try connection.copyOut("COPY (SELECT position, body FROM events ORDER BY position) TO STDOUT") { chunk in
            chunks += 1
            bytes += chunk
        }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 5000)
        XCTAssertEqual(lines.first, "1\tb1")
        XCTAssertEqual(lines.last, "5000\tb5000")
        XCTAssertGreaterThan(chunks, 1)
    }

    func testConsumerErrorCancelsAndLeavesTheConnectionUsable() throws {
        XCTAssertThrowsError(
            try connection.copyOut("COPY (SELECT g FROM generate_series(1, 1000000) g) TO STDOUT") { _ in
                throw ProducerFailed()
            }
        ) { XCTAssertTrue($0 is ProducerFailed, "got \($0)") }
        XCTAssertEqual(try scalar("SELECT 1"), "1")
    }

    func testPlainQueryOfACopyIsRefusedAndTheConnectionRecovers() throws {
        XCTAssertEqual(postgresError { _ = try self.connection.query("COPY events FROM STDIN") }?.kind, .copy)
        XCTAssertEqual(try scalar("SELECT 2"), "2")
        XCTAssertEqual(postgresError { try self.connection.copyIn("SELECT 1") { _ in } }?.kind, .copy)
        XCTAssertEqual(try scalar("SELECT 3"), "3")
    }
}
