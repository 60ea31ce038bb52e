import Foundation
import Postgres
import XCTest

final class ParameterTests: DatabaseTestCase {
    func testStringsRoundTripIncludingUnicodeQuotesAndBackslashes() throws {
        for text in ["", "plain", "Zoë – 東京 🎉", "it's \"quoted\"", "back\\slash\\\\", "new\nline\ttab", "$1 ; DROP"] {
            XCTAssertEqual(try scalar("SELECT $1::text", [text]), text)
        }
        XCTAssertEqual(try scalar("SELECT $1::text", [Substring("a substring")]), "a substring")
    }

    /// libpq would cut a text parameter at a NUL byte and send the rest silently shortened.
    func testATextParameterWithANULByteIsRefusedAndNothingIsWritten() throws {
        try connection.execute("CREATE TEMP TABLE notes (body text)")
        for text in ["\0", "starts fine\0then cut", String(repeating: "é", count: 3_000) + "\0"] {
            XCTAssertThrowsError(try connection.execute("INSERT INTO notes VALUES ($1)", [text])) {
                XCTAssertEqual(($0 as? PostgresError)?.kind, .query)
                XCTAssertTrue("\($0)".contains("parameter $1 contains a NUL byte"), "\($0)")
            }
        }
        XCTAssertEqual(try scalar("SELECT count(*)::text FROM notes", []), "0")
        XCTAssertEqual(try scalar("SELECT $1::text", ["no NUL here"]), "no NUL here")
    }

    func testIntegersBoolsAndDoublesRoundTrip() throws {
        let row = try XCTUnwrap(
            connection.query(
                "SELECT $1::bigint AS i, $2::int AS i32, $3::bigint AS i64, $4::bool AS yes, $5::bool AS no, $6::float8 AS d",
                [Int.min, Int32.max, Int64.max, true, false, 0.1]
            ).first)
        XCTAssertEqual(try row.int("i"), Int.min)
        XCTAssertEqual(try row.int32("i32"), Int32.max)
        XCTAssertEqual(try row.int64("i64"), Int64.max)
        XCTAssertTrue(try row.bool("yes"))
        XCTAssertFalse(try row.bool("no"))
        XCTAssertEqual(try row.double("d"), 0.1)
        for special in [Double.infinity, -Double.infinity] {
            XCTAssertEqual(try connection.query("SELECT $1::float8 AS d", [special]).first?.double("d"), special)
        }
        XCTAssertTrue(try XCTUnwrap(connection.query("SELECT $1::float8 AS d", [Double.nan]).first).double("d").isNaN)
    }

    func testDatesRoundTripToTheMicrosecond() throws {
        let dates = [
            Date(timeIntervalSince1970: 1_714_566_896.123456),
            Date(timeIntervalSince1970: 0),
            Date(timeIntervalSince1970: -1_234_567_890.5),
            Date(timeIntervalSince1970: 4_102_444_800.000001),
            Date(timeIntervalSince1970: -62_167_219_200.5),
        ]
        for date in dates {
            let read = try XCTUnwrap(connection.query("SELECT $1::timestamptz AS t", [date]).first).date("t")
            XCTAssertEqual(read.timeIntervalSince1970, date.timeIntervalSince1970, accuracy: 0.000_001, "\(date)")
        }
    }

    func testDatesReadInAnyServerTimeZone() throws {
        try connection.simpleQuery("SET TimeZone = 'Asia/Kolkata'")
        let text = try scalar("SELECT '2024-05-01 12:00:00.25+00'::timestamptz::text")
        XCTAssertEqual(text, "2024-05-01 17:30:00.25+05:30")
        let date = try XCTUnwrap(connection.query("SELECT '2024-05-01 12:00:00.25+00'::timestamptz AS t").first).date("t")
        XCTAssertEqual(date.timeIntervalSince1970, 1_714_564_800.25, accuracy: 0.000_000_5)
    }

    func testNullsFromOptionals() throws {
        let missing: String? = nil
        let present: Int? = 7
        let row = try XCTUnwrap(connection.query("SELECT $1::text AS a, $2::int AS b", [missing, present]).first)
        XCTAssertNil(row["a"])
        XCTAssertNil(try row.optionalInt("a"))
        XCTAssertEqual(try row.optionalInt("b"), 7)
        XCTAssertEqual(try row.int("b"), 7)
    }

    func testArraysQuoteEscapeAndKeepNulls() throws {
        let texts: [String?] = ["a", "with,comma", "\"quoted\"", "back\\slash", "{braces}", "NULL", nil, "", " spaced "]
        let result = try connection.query(
            "SELECT x, x IS NULL AS missing FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n", [texts])
        XCTAssertEqual(result.rows.map { $0["x"] }, texts)
        XCTAssertEqual(try scalar("SELECT cardinality($1::int[])", [[1, 2, 3]]), "3")
        XCTAssertEqual(try scalar("SELECT cardinality($1::int[])", [[Int]()]), "0")
    }

    func testByteaRoundTripsEveryByte() throws {
        let bytes = (0...255).map { UInt8($0) } + [0, 0, 255]
        let row = try XCTUnwrap(connection.query("SELECT $1::bytea AS b, length($1::bytea) AS n", [Bytea(bytes)]).first)
        XCTAssertEqual(try row.bytes("b"), bytes)
        XCTAssertEqual(try row.int("n"), bytes.count)
        XCTAssertEqual(try connection.query("SELECT ''::bytea AS b").first?.bytes("b"), [])
    }

    func testInjectionAttemptStaysAValue() throws {
        try connection.simpleQuery("CREATE TABLE people (name text)")
        let attack = "x'); DROP TABLE people; --"
        XCTAssertEqual(try connection.execute("INSERT INTO people (name) VALUES ($1)", [attack]), 1)
        XCTAssertEqual(try scalar("SELECT name FROM people"), attack)
        XCTAssertEqual(try scalar("SELECT count(*) FROM people WHERE name = $1", ["' OR '1'='1"]), "0")
    }

    func testAffectedRowsAndColumns() throws {
        try connection.simpleQuery("CREATE TABLE n (v int); INSERT INTO n SELECT generate_series(1, 5)")
        XCTAssertEqual(try connection.execute("UPDATE n SET v = v + 1 WHERE v > $1", [2]), 3)
        let result = try connection.query("SELECT v, v * 2 AS twice FROM n ORDER BY v")
        XCTAssertEqual(result.columns, ["v", "twice"])
        XCTAssertEqual(result.map { $0["twice"] }, ["2", "4", "8", "10", "12"])
        XCTAssertEqual(result.affectedRows, 5)
    }

    func testNulByteInAParameterIsRefusedNotTruncated() throws {
        let error = postgresError { _ = try self.connection.query("SELECT $1::text", ["a\u{0}b"]) }
        XCTAssertEqual(error?.kind, .query)
        XCTAssertTrue(connection.isOpen)
    }

    func testDecodingErrorsNameTheColumn() throws {
        let row = try XCTUnwrap(connection.query("SELECT NULL::int AS empty, 'x' AS word").first)
        let null = postgresError { _ = try row.int("empty") }
        XCTAssertEqual(null?.kind, .decoding)
        XCTAssertTrue(null?.message.contains("empty") == true)
        XCTAssertTrue(postgresError { _ = try row.int("word") }?.message.contains("word") == true)
        XCTAssertTrue(postgresError { _ = try row.string("nope") }?.message.contains("nope") == true)
    }
}
