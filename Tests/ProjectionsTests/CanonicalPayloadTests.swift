import Foundation
import XCTest

@testable import Events

/// Every payload an append encodes goes through the stream encoder's fast path (never its
/// fallback) and spells exactly what the general encoder and the JSONEncoder reference spell.
final class CanonicalPayloadTests: XCTestCase {
    func testEveryEventTypeTakesTheFastPathAndMatchesTheReference() throws {
        for type in EventCatalog.all {
            for optionals in PayloadSampler.Optionals.allCases {
                try check(type, optionals)
            }
        }
    }

    private func check<T: DomainEvent>(_ type: T.Type, _ optionals: PayloadSampler.Optionals) throws {
        let sample = try PayloadSampler.sample(T.self, optionals)
        let streamed: String
        do {
            streamed = try CanonicalStreamEncoder.encode(sample)
        } catch is CanonicalStreamEncoder.Fallback {
            return XCTFail("\(T.eventType) (\(optionals)) fell back to the general encoder")
        }
        XCTAssertEqual(streamed, try CanonicalEncoder.general(sample), "\(T.eventType) (\(optionals))")
        XCTAssertEqual(streamed, try CanonicalJSON.encodeSlowly(sample), "\(T.eventType) (\(optionals))")
    }
}
