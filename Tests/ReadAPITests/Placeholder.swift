import XCTest

final class ReadAPITestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
