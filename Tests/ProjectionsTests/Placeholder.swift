import XCTest

final class ProjectionsTestsPlaceholder: XCTestCase {
    func testPlaceholder() {}
}
