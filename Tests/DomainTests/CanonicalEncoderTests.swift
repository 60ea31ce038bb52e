import Foundation
import XCTest

@testable import Events

/// `CanonicalJSON.encode` writes canonical JSON straight from `encode(to:)`; these hold it to
/// the reference spelling (Foundation's JSONEncoder, parsed and re-spelled) on everything the
/// payloads use: instants, optionals, arrays, nested objects, every integer width.
final class CanonicalEncoderTests: XCTestCase {
    func testSessionEventsWithInstantsMatchTheReference() throws {
        let instants: [Double] = [
            0, 1_791_979_200, 1_791_979_200 + 86_399, -1, -86_400, -2_208_988_800, 951_782_400, 4_102_444_800, 253_402_300_799,
        ]
        for seconds in instants {
            let starts = Date(timeIntervalSince1970: seconds)
            for track in [nil, "Care \"Blocks\"\n"] as [String?] {
                let event = SessionScheduled(
                    session: SessionID("ses_k3q9x")!, conference: ConferenceID("citylab-2026")!, title: "Bogotá — iBO", room: "Sala 1",
                    starts: starts, ends: starts.addingTimeInterval(3_600), capacity: 40, track: track, speakers: ["Ana", "Luis\\"])
                XCTAssertEqual(
                    try CanonicalJSON.encode(event), try CanonicalJSON.encodeSlowly(event), "at \(seconds), track \(track ?? "nil")")
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
        let keyAccented: String

        enum CodingKeys: String, CodingKey {
            case small, medium, big, unsigned, flag, nested, list, optional, empty
            case keyAccented = "keyé"
        }
    }

    func testNestingOptionalsAndIntegerWidthsMatchTheReference() throws {
        let inner = Everything.Inner(z: -128, a: [0, 65_535], nothing: nil)
        let value = Everything(
            small: 127, medium: -2_147_483_648, big: Int64.min, unsigned: UInt32.max, flag: false, nested: inner, list: [inner, inner],
            optional: nil, empty: [], keyAccented: "\u{01}\t")
        XCTAssertEqual(try CanonicalJSON.encode(value), try CanonicalJSON.encodeSlowly(value))
    }

    func testTheValuesAboveEncodeDirectly() throws {
        let inner = Everything.Inner(z: 1, a: [], nothing: "x")
        let value = Everything(
            small: 1, medium: 2, big: 3, unsigned: 4, flag: true, nested: inner, list: [], optional: 5, empty: ["a"], keyAccented: "é")
        XCTAssertEqual(try CanonicalEncoder.encode(value), try CanonicalJSON.encodeSlowly(value))
        XCTAssertEqual(try CanonicalEncoder.encode(Everything.Inner(z: 0, a: [], nothing: nil)), #"{"a":[],"z":0}"#)
    }

    /// Shapes the encoder cannot write in place (a nested container written to after its parent
    /// moved on, a key given twice): nested containers write into encoders of their own, put in
    /// place when their parent closes, and the last value of a key wins, as in the reference.
    struct Nested: Encodable {
        enum Keys: String, CodingKey { case b, a, inner, list }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode("first", forKey: .b)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .inner)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try inner.encode(2, forKey: .b)
            try container.encode(1, forKey: .a)
            try list.encode("x")
            try inner.encode(1, forKey: .a)
        }
    }

    struct Twice: Encodable {
        enum Keys: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(1, forKey: .b)
            try container.encode(2, forKey: .a)
            try container.encode(3, forKey: .b)
        }
    }

    /// A super encoder and containers nested in arrays, as a class hierarchy would write them.
    struct WithSuper: Encodable {
        enum Keys: String, CodingKey { case z, parent }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var list = container.nestedUnkeyedContainer(forKey: .parent)
            var first = list.nestedContainer(keyedBy: Keys.self)
            var second = list.nestedUnkeyedContainer()
            try second.encode(2)
            try first.encode("a", forKey: .z)
            try Twice().encode(to: container.superEncoder())
            try container.encode(0, forKey: .z)
        }
    }

    func testNestedContainersAndRepeatedKeysMatchTheReference() throws {
        XCTAssertEqual(try CanonicalJSON.encode(WithSuper()), try CanonicalJSON.encodeSlowly(WithSuper()))
        XCTAssertEqual(try CanonicalJSON.encode(WithSuper()), #"{"parent":[{"z":"a"},[2]],"super":{"a":2,"b":3},"z":0}"#)
        XCTAssertEqual(try CanonicalJSON.encode(Nested()), try CanonicalJSON.encodeSlowly(Nested()))
        XCTAssertEqual(try CanonicalJSON.encode(Nested()), #"{"a":1,"b":"first","inner":{"a":1,"b":2},"list":["x"]}"#)
        XCTAssertEqual(try CanonicalJSON.encode(Twice()), try CanonicalJSON.encodeSlowly(Twice()))
        XCTAssertEqual(try CanonicalJSON.encode(Twice()), #"{"a":2,"b":3}"#)
    }

    /// Keys compared quoted would misorder when one holds a byte below the quote or an escape
    /// ("a b" against "a"): such objects sort by the unescaped keys.
    struct OddKeys: Encodable {
        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        let keys: [String]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (index, key) in keys.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
        }
    }

    func testKeysOrderByTheirBytesWhateverTheyHold() throws {
        for keys in [["a b", "a"], ["a", "a!"], ["q\"", "q"], ["b\\", "b"], ["é", "e", "z", "ab", "a"], ["tab\t", "tab"]] {
            let value = OddKeys(keys: keys)
            XCTAssertEqual(try CanonicalJSON.encode(value), try CanonicalJSON.encodeSlowly(value), "\(keys)")
        }
        XCTAssertEqual(try CanonicalEncoder.encode(OddKeys(keys: ["é", "e", "z", "ab", "a"])), #"{"a":4,"ab":3,"e":1,"z":2,"é":0}"#)
        XCTAssertEqual(try CanonicalEncoder.encode(OddKeys(keys: ["a b", "a", "q\"", "q", "a b"])), #"{"a":1,"a b":4,"q":3,"q\"":2}"#)
    }

    func testFractionsAreRefused() {
        struct Money: Encodable { let amount: Double }
        XCTAssertThrowsError(try CanonicalJSON.encode(Money(amount: 1.5)))
    }
}
