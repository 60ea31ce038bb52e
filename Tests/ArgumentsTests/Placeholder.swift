import XCTest

final class ArgumentsTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
