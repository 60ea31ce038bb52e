import Arguments
import XCTest

final class EditDistanceTests: XCTestCase {
    func testLevenshtein() {
        let cases: [(String, String, Int)] = [
            ("", "", 0), ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("flaw", "lawn", 2),
            ("register", "register", 0), ("regster", "register", 1), ("regsiter", "register", 2),
            ("Bogotá", "Bogota", 1), ("🏙️", "🏙️x", 1),
        ]
        for (a, b, expected) in cases {
            XCTAssertEqual(levenshtein(a, b), expected, "\(a) / \(b)")
            XCTAssertEqual(levenshtein(b, a), expected, "\(b) / \(a)")
        }
    }

    func testDamerauCountsAnAdjacentSwapAsOneEdit() {
        XCTAssertEqual(damerauLevenshtein("regsiter", "register"), 1)
        XCTAssertEqual(damerauLevenshtein("ab", "ba"), 1)
        XCTAssertEqual(damerauLevenshtein("ca", "abc"), 3)
        XCTAssertEqual(damerauLevenshtein("kitten", "sitting"), 3)
    }

    func testClosestMatchSuggestsOnlyWhenClose() {
        let verbs = ["register", "cancel", "check-in", "reissue-link", "import", "list"]
        XCTAssertEqual(closestMatch(to: "regster", among: verbs), "register")
        XCTAssertEqual(closestMatch(to: "cancle", among: verbs), "cancel")
        XCTAssertEqual(closestMatch(to: "LIST", among: verbs), "list")
        XCTAssertEqual(closestMatch(to: "lst", among: verbs), "list")
        XCTAssertEqual(closestMatch(to: "reiss", among: verbs), "reissue-link")
        XCTAssertNil(closestMatch(to: "xyz", among: verbs))
        XCTAssertNil(closestMatch(to: "delete", among: verbs))
        XCTAssertNil(closestMatch(to: "", among: verbs))
        XCTAssertNil(closestMatch(to: "re", among: verbs))
    }

    func testTiesGoToTheEarlierCandidate() {
        XCTAssertEqual(closestMatch(to: "cat", among: ["bat", "hat"]), "bat")
        XCTAssertEqual(closestMatch(to: "cat", among: ["hat", "bat"]), "hat")
    }
}
