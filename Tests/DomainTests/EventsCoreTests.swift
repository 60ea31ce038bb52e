import Events
import XCTest

/// The parts of `Events` the hash chain and the auditors' recipe depend on.
final class EventsCoreTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(Hex.encode(SHA256.hash([UInt8]())), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(
            Hex.encode(SHA256.hash([UInt8](repeating: 0x61, count: 1_000_000))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Lengths around the padding boundary (55, 56, 64 bytes) against values from sha256sum.
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hex(String(repeating: "a", count: 64)), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// `encode`'s fast path (JSONEncoder, sorted keys) must spell exactly what the slow path does.
    func testFastEncodingEqualsTheCanonicalSpelling() throws {
        var awkward = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        awkward += ["\"", "\\", "/", "</script>", "é", "Bogotá — iBO", "😀", "\u{7f}", "a\u{2028}b", "", " spaced "]
        for text in awkward {
            let event = EmailClaimed(scope: text, email: "x\(text)y", holder: text)
            XCTAssertEqual(
                try CanonicalJSON.encode(event), try CanonicalJSON.encodeSlowly(event), "for \(text.unicodeScalars.map(\.value))")
        }
        let opened = ConferenceOpened(
            conference: ConferenceID("citylab-2026")!, name: "N", city: "C", timeZone: "UTC", starts: "2026-01-01", ends: "2026-01-02")
        XCTAssertEqual(try CanonicalJSON.encode(opened), try CanonicalJSON.encodeSlowly(opened))
    }

    func testSHA256AcrossUpdateBoundaries() {
        let message = Array((0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let whole = SHA256.hash(message)
        for split in [1, 55, 63, 64, 65, 127, 128, 999] {
            var h = SHA256()
            h.update(message[..<split])
            h.update(message[split...])
            XCTAssertEqual(h.finalize(), whole, "split at \(split)")
        }
    }

    func testCanonicalJSONSortsKeysAndEscapesLikePython() throws {
        let text = #"{ "b": 1, "a": [true, null, "x\"y\\z\n\u0001é/"], "A": -5 }"#
        XCTAssertEqual(try CanonicalJSON.canonicalize(text), #"{"A":-5,"a":[true,null,"x\"y\\z\n\u0001é/"],"b":1}"#)
    }

    func testCanonicalJSONIsStableUnderPostgresStyleReordering() throws {
        // jsonb prints shorter keys first; canonical form must not depend on input order.
        XCTAssertEqual(try CanonicalJSON.canonicalize(#"{"id": 1, "name": "x", "attendee": "a"}"#), #"{"attendee":"a","id":1,"name":"x"}"#)
    }

    func testParserRejectsFractionsAndGarbage() {
        XCTAssertThrowsError(try JSONParser.parse("1.5"))
        XCTAssertThrowsError(try JSONParser.parse("{\"a\":1,}"))
        XCTAssertThrowsError(try JSONParser.parse("{\"a\":1} x"))
        XCTAssertThrowsError(try JSONParser.parse("\"unterminated"))
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#), .string("😀"))
    }

    func testInstantRoundTrip() throws {
        let text = "2026-10-14T13:00:05.123456Z"
        let date = try XCTUnwrap(Instant.parse(text))
        XCTAssertEqual(Instant.format(date), text)
        XCTAssertNil(Instant.parse("2026-10-14T13:00:05Z"))
    }

    func testTypedIDs() {
        XCTAssertNotNil(AttendeeID("att_k3q9x2mw"))
        XCTAssertNil(AttendeeID("ses_k3q9x2mw"))
        XCTAssertNil(AttendeeID("att_"))
        XCTAssertNil(AttendeeID("att_UPPER"))
        XCTAssertNil(ConferenceID("-bad"))
        XCTAssertNotNil(ConferenceID("citylab-2026"))
    }

    func testEmailClaimStreamHidesTheAddressAndIgnoresCase() {
        let a = StreamName.emailClaim(scope: "citylab-2026", email: "Ada@Example.org")
        let b = StreamName.emailClaim(scope: "citylab-2026", email: "ada@example.org")
        XCTAssertEqual(a, b)
        XCTAssertFalse(a.rawValue.contains("example"))
        XCTAssertNotEqual(a, StreamName.emailClaim(scope: "citylab-2027", email: "ada@example.org"))
    }
}

final class EventMetadataTextTests: XCTestCase {
    /// The direct writer must spell what the hash chain always covered: CanonicalJSON of the Codable.
    func testCanonicalTextEqualsTheEncodedMetadata() throws {
        let samples = [
            EventMetadata(actor: "ana", commandID: "cmd-1", command: "attendee register"),
            EventMetadata(
                actor: "Ana Gómez \"the\" organizer\\", commandID: "", command: "x\ny\u{01}", source: "import", correlationID: "c-9"),
            EventMetadata(actor: "", commandID: "😀", command: "", source: "", correlationID: ""),
        ]
        for meta in samples {
            XCTAssertEqual(meta.canonicalText, try CanonicalJSON.encode(meta))
            XCTAssertEqual(meta.canonicalText, try CanonicalJSON.encodeSlowly(meta))
        }
    }
}
