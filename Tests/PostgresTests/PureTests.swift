import Foundation
import XCTest

@testable import Postgres

/// Conversions and scrubbing that need no server.
final class PureTests: XCTestCase {
    func testTimestampFormatsAndParses() throws {
        let date = Date(timeIntervalSince1970: 1_714_566_896.123456)
        XCTAssertEqual(PostgresTimestamp.format(date), "2024-05-01T12:34:56.123456Z")
        XCTAssertEqual(PostgresTimestamp.format(Date(timeIntervalSince1970: -62_167_219_200)), "0001-01-01T00:00:00.000000Z BC")
        let cases: [(String, Double)] = [
            ("2024-05-01 12:34:56.123456+00", 1_714_566_896.123456),
            ("2024-05-01 18:04:56.123456+05:30", 1_714_566_896.123456),
            ("2024-05-01 09:34:56.1-03", 1_714_566_896.1),
            ("1970-01-01 00:00:00+00", 0),
            ("1969-12-31 23:59:59.5+00", -0.5),
            ("1900-01-01 00:00:00-00:17:30", -2_208_987_750),
            ("2024-05-01 12:34:56.123456", 1_714_566_896.123456),
            ("0001-01-01 00:00:00+00 BC", -62_167_219_200),
        ]
        for (text, seconds) in cases {
            let parsed = try XCTUnwrap(PostgresTimestamp.parse(text), text)
            XCTAssertEqual(parsed.timeIntervalSince1970, seconds, accuracy: 0.000_000_5, text)
        }
        XCTAssertNil(PostgresTimestamp.parse("2024-13-01 00:00:00+00"))
        XCTAssertNil(PostgresTimestamp.parse("yesterday"))
        XCTAssertEqual(PostgresTimestamp.parse("infinity"), .distantFuture)
    }

    func testArrayLiteral() {
        let values: [String?] = ["a", "b\"c", "d\\e", nil]
        XCTAssertEqual(values.postgresValue, .text(#"{"a","b\"c","d\\e",NULL}"#))
        XCTAssertEqual([Int]().postgresValue, .text("{}"))
    }

    func testByteaHex() {
        XCTAssertEqual(Bytea([0, 15, 255]).postgresValue, .text("\\x000fff"))
        XCTAssertEqual(Bytea.parseHex("\\x000FfF"), [0, 15, 255])
        XCTAssertNil(Bytea.parseHex("\\x0"))
        XCTAssertNil(Bytea.parseHex("zz"))
    }

    func testScrubbingPasswords() {
        let conninfo = "postgresql://me:hunter2@db/x"
        XCTAssertEqual(
            SecretScrubber.scrub("failed for hunter2 at postgresql://me:hunter2@db/x", conninfo: conninfo),
            "failed for *** at postgresql://me:***@db/x")
        XCTAssertEqual(SecretScrubber.scrub("host=a password='p w' user=b", conninfo: ""), "host=a password=*** user=b")
        XCTAssertEqual(SecretScrubber.scrub("password=abc&x=1", conninfo: ""), "password=***&x=1")
        XCTAssertEqual(SecretScrubber.scrub("host=a password = 'p w' user=b"), "host=a password=*** user=b", "spaces around = hide nothing")
        XCTAssertEqual(
            SecretScrubber.scrub("host=127.0.0.1 port=1 password='hunter 2'"), "host=127.0.0.1 port=1 password=***",
            "a quoted password is masked whole")
        XCTAssertEqual(SecretScrubber.scrub("postgresql://db:5432/x", conninfo: ""), "postgresql://db:5432/x")
    }

    func testReplacingTheDatabase() {
        XCTAssertEqual(
            ConnectionString.replacingDatabase(in: "postgresql://u@/citylab?host=/tmp/s&port=5432", with: "t_1"),
            "postgresql://u@/t_1?host=/tmp/s&port=5432")
        XCTAssertEqual(ConnectionString.replacingDatabase(in: "postgres://u:p@h:5/", with: "a b"), "postgres://u:p@h:5/a%20b")
        XCTAssertEqual(ConnectionString.replacingDatabase(in: "postgresql://h", with: "d"), "postgresql://h/d")
        XCTAssertEqual(ConnectionString.replacingDatabase(in: "host=h dbname=x", with: "it's"), "host=h dbname=x dbname='it\\'s'")
    }

    func testErrorHelpers() {
        XCTAssertTrue(PostgresError(.query, "x", sqlState: "40001").isSerializationFailure)
        XCTAssertTrue(PostgresError(.query, "x", sqlState: "40P01").isDeadlock)
        XCTAssertTrue(PostgresError(.query, "x", sqlState: "40P01").isRetryable)
        XCTAssertFalse(PostgresError(.query, "x", sqlState: "23505").isRetryable)
    }
}
