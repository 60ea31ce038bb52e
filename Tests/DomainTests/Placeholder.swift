import XCTest

final class DomainTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
