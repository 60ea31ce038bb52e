import XCTest

final class HTTPTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
