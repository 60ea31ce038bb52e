import XCTest
@testable import HTTP
final class SmokeTests: XCTestCase { func testNothing() {} }
