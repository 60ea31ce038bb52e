import Foundation
import XCTest

@testable import Events

/// Every payload an append encodes spells exactly what the JSONEncoder reference spells.
final class CanonicalPayloadTests: XCTestCase {
    func testEveryEventTypeMatchesTheReference() throws {
        for type in EventCatalog.all {
            for optionals in PayloadSampler.Optionals.allCases {
                try check(type, optionals)
            }
        }
    }

    private func check<T: DomainEvent>(_ type: T.Type, _ optionals: PayloadSampler.Optionals) throws {
        let sample = try PayloadSampler.sample(T.self, optionals)
        XCTAssertEqual(try CanonicalJSON.encode(sample), try CanonicalJSON.encodeSlowly(sample), "\(T.eventType) (\(optionals))")
    }
}
