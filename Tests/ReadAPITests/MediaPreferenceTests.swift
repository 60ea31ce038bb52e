import XCTest

@testable import ReadAPI

/// Accept negotiation with q-values, and If-None-Match matching.
final class MediaPreferenceTests: XCTestCase {
    func testNegotiation() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
        let cases: [(String?, MediaPreference, MediaPreference?)] = [
            (nil, .html, .html), (nil, .json, .json), ("", .json, .json),
            (browser, .json, .html), (browser, .html, .html),
            ("application/json", .html, .json), ("application/json", .json, .json),
            ("*/*", .html, .html), ("*/*", .json, .json),
            ("text/*", .json, .html), ("application/*;q=0.5, text/html;q=0.4", .html, .json),
            ("text/html;q=0.2, application/json;q=0.9", .html, .json),
            ("application/json;q=0, */*", .json, .html),
            ("image/png", .html, nil), ("text/html;q=0, application/json;q=0", .json, nil),
            ("garbage", .json, .json), ("text/html;q=2", .json, .json), ("TEXT/HTML", .json, .html),
        ]
        for (accept, preferred, expected) in cases {
            XCTAssertEqual(
                MediaPreference.choose(accept, default: preferred), expected, "Accept: \(accept ?? "(none)"), default \(preferred)")
        }
    }

    func testIfNoneMatch() {
        XCTAssertTrue(Answer.matches("\"r1-a5-j\"", "\"r1-a5-j\""))
        XCTAssertTrue(Answer.matches("\"x\", W/\"r1-a5-j\"", "\"r1-a5-j\""))
        XCTAssertTrue(Answer.matches("*", "\"r1-a5-j\""))
        XCTAssertFalse(Answer.matches("\"r1-a4-j\"", "\"r1-a5-j\""))
        XCTAssertFalse(Answer.matches(nil, "\"r1-a5-j\""))
    }
}
