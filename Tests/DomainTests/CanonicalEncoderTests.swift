import Events
import Foundation
import XCTest

/// `CanonicalJSON.encode` writes canonical JSON straight from `encode(to:)`; these hold it to
/// the reference spelling (Foundation's JSONEncoder, parsed and re-spelled) on everything the
/// payloads use: instants, optionals, arrays, nested objects, every integer width.
final class CanonicalEncoderTests: XCTestCase {
    func testSessionEventsWithInstantsMatchTheReference() throws {
        let instants: [Double] = [0, 1_791_979_200, 1_791_979_200 + 86_399, -1, -86_400, -2_208_988_800, 951_782_400, 4_102_444_800, 253_402_300_799]
        for seconds in instants {
            let starts = Date(timeIntervalSince1970: seconds)
            for track in [nil, "Care \"Blocks\"\n"] as [String?] {
                let event = SessionScheduled(
                    session: SessionID("ses_k3q9x")!, conference: ConferenceID("citylab-2026")!, title: "Bogotá — iBO", room: "Sala 1",
                    starts: starts, ends: starts.addingTimeInterval(3_600), capacity: 40, track: track, speakers: ["Ana", "Luis\\"])
                XCTAssertEqual(try CanonicalJSON.encode(event), try CanonicalJSON.encodeSlowly(event), "at \(seconds), track \(track ?? "nil")")
            }
        }
    }

    func testAFractionalInstantMatchesTheReference() throws {
        let event = SeatHeld(
            attendee: AttendeeID("att_a")!, session: SessionID("ses_b")!, starts: Date(timeIntervalSince1970: 1_791_979_200.25),
            ends: Date(timeIntervalSince1970: 1_791_982_800))
        XCTAssertEqual(try CanonicalJSON.encode(event), try CanonicalJSON.encodeSlowly(event))
    }

    struct Everything: Encodable {
        struct Inner: Encodable {
            let z: Int8
            let a: [UInt16]
            let nothing: String?
        }
        let small: Int8, medium: Int32, big: Int64, unsigned: UInt32, flag: Bool
        let nested: Inner
        let list: [Inner]
        let optional: Int?
        let empty: [String]
        let keyé: String
    }

    func testNestingOptionalsAndIntegerWidthsMatchTheReference() throws {
        let inner = Everything.Inner(z: -128, a: [0, 65_535], nothing: nil)
        let value = Everything(
            small: 127, medium: -2_147_483_648, big: Int64.min, unsigned: UInt32.max, flag: false, nested: inner, list: [inner, inner],
            optional: nil, empty: [], keyé: "\u{01}\t")
        XCTAssertEqual(try CanonicalJSON.encode(value), try CanonicalJSON.encodeSlowly(value))
    }

    func testFractionsAreRefused() {
        struct Money: Encodable { let amount: Double }
        XCTAssertThrowsError(try CanonicalJSON.encode(Money(amount: 1.5)))
    }
}
