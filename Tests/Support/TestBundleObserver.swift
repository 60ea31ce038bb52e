import Foundation
import XCTest

/// Stops the shared test cluster when the test bundle finishes.
final class TestBundleObserver: NSObject, XCTestObservation {
    func testBundleDidFinish(_ testBundle: Bundle) {
        TestCluster.shared.finish()
    }
}
