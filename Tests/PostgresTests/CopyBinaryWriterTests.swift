import Postgres
import XCTest

/// The binary COPY writer against the real server: every field type it writes, NULL, text
/// that text COPY would have to escape, rows split across chunks anywhere.
final class CopyBinaryWriterTests: DatabaseTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try connection.simpleQuery(
            """
            CREATE TABLE typed (i8 bigint, i4 integer, i2 smallint, t text, j jsonb, at timestamptz, b bytea)
            """)
    }

    func testEveryFieldTypeArrivesAsWritten() throws {
        var writer = CopyBinaryWriter()
        writer.row(fields: 7)
        writer.int64(.min)
        writer.int32(-7)
        writer.int16(.max)
        writer.text("tab\there\nnew line \\ back \"q\" é 東京")
        writer.jsonb(#"{"b":[1,2],"a":"x\ty"}"#)
        writer.timestamp(microsecondsSince2000: 846_037_800_123_456)  // 2026-10-23T02:30:00.123456Z
        writer.bytes([0, 0xFF, 0x5C, 0x0A])
        writer.row(fields: 7)
        for _ in 0..<7 { writer.null() }
        writer.trailer()
        let all = writer.take()
        XCTAssertTrue(writer.bytes.isEmpty)
        // Sent in uneven pieces: the server reassembles rows across chunks.
        let copied = try connection.copyIn("COPY typed FROM STDIN WITH (FORMAT binary)") { write in
            var start = 0
            for size in [5, 17, 1, 64] where start < all.count {
                let end = min(start + size, all.count)
                try write(Array(all[start..<end]))
                start = end
            }
            if start < all.count { try write(Array(all[start...])) }
        }
        XCTAssertEqual(copied, 2)
        let row = try XCTUnwrap(
            connection.query(
                """
                SELECT i8::text, i4::text, i2::text, t, j::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS at,
                       encode(b, 'hex') AS b FROM typed WHERE i8 IS NOT NULL
                """
            ).first)
        XCTAssertEqual(row["i8"], String(Int64.min))
        XCTAssertEqual(row["i4"], "-7")
        XCTAssertEqual(row["i2"], String(Int16.max))
        XCTAssertEqual(row["t"], "tab\there\nnew line \\ back \"q\" é 東京")
        XCTAssertEqual(row["j"], #"{"a": "x\ty", "b": [1, 2]}"#)
        XCTAssertEqual(row["at"], "2026-10-23T02:30:00.123456")
        XCTAssertEqual(row["b"], "00ff5c0a")
        XCTAssertEqual(try scalar("SELECT count(*) FROM typed WHERE i8 IS NULL AND t IS NULL AND j IS NULL AND b IS NULL"), "1")
    }

    func testAWrongFieldCountIsRefusedAndNothingIsCopied() throws {
        var writer = CopyBinaryWriter()
        writer.row(fields: 1)
        writer.int64(1)
        writer.trailer()
        XCTAssertThrowsError(try connection.copyIn("COPY typed FROM STDIN WITH (FORMAT binary)") { try $0(writer.take()) }) {
            XCTAssertEqual(($0 as? PostgresError)?.sqlState, "22P04", "\($0)")
        }
        XCTAssertEqual(try scalar("SELECT count(*) FROM typed"), "0")
    }
}
