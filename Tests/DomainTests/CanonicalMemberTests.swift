import Events
import XCTest

/// `CanonicalJSON.string(_:adding:canonical:)` spells a command's stored result with its events
/// already written as text: it must equal the whole object spelled as a `JSONValue`.
final class CanonicalMemberTests: XCTestCase {
    func testAnAddedMemberTakesItsPlaceInKeyOrder() throws {
        let events: JSONValue = .array([.object(["stream": .string("s\t\"q\""), "type": .string("T"), "version": .int(1)])])
        let canonical = CanonicalJSON.string(events)
        for members: [String: JSONValue] in [[:], ["id": .string("att_1")], ["a": .int(1), "zeta": .null, "évent": .bool(true)]] {
            var whole = members
            whole["events"] = events
            XCTAssertEqual(CanonicalJSON.string(members, adding: "events", canonical: canonical), CanonicalJSON.string(.object(whole)))
        }
    }

    func testAnAddedMemberReplacesOneOfItsName() throws {
        let members: [String: JSONValue] = ["events": .string("old"), "id": .string("x")]
        XCTAssertEqual(CanonicalJSON.string(members, adding: "events", canonical: "[]"), #"{"events":[],"id":"x"}"#)
    }

    func testQuotedMatchesAStringValue() throws {
        for text in ["", "plain", "tab\there", "q\"uote \\ back", "ü\u{01}\n"] {
            XCTAssertEqual(CanonicalJSON.quoted(text), CanonicalJSON.string(.string(text)))
        }
    }
}
