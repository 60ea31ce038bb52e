import Events
import Foundation
import XCTest

@testable import Projections

/// `PayloadDecoder` (the one way folds read payloads) reads every event type of the catalog exactly
/// as `JSONDecoder` does, and leaves to the catalog (`EventRegistry`) whatever it does not read.
final class PayloadDecoderTests: XCTestCase {
    private let slow: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    func testEveryEventTypeDecodesAsJSONDecoderDoes() throws {
        for type in EventCatalog.all {
            for optionals in PayloadSampler.Optionals.allCases {
                try check(type, optionals)
            }
        }
    }

    private func check<T: DomainEvent>(_ type: T.Type, _ optionals: PayloadSampler.Optionals) throws {
        let sample = try PayloadSampler.sample(T.self, optionals)
        let compact = try CanonicalJSON.encode(sample)
        // As PostgreSQL prints jsonb: a space after every ',' and ':' between tokens.
        let spaced = Self.jsonbSpacing(compact)
        for text in [compact, spaced] {
            let expected = try CanonicalJSON.encode(slow.decode(T.self, from: Data(text.utf8)))
            guard let fast = EventDecoder.fast(T.self, text) else {
                return XCTFail("\(T.eventType) (\(optionals)) left to JSONDecoder: \(text)")
            }
            XCTAssertEqual(try CanonicalJSON.encode(fast), expected, "\(T.eventType) (\(optionals))")
        }
    }

    func testEscapesAndUnicode() throws {
        let text = #"{"room": "a\"b\\c\/d\n\t\r\b\f \u00e9\u0001 \ud83d\ude00 ✓", "title": "", "speakers": ["x\u0041", ""]}"#
        let fast = try PayloadDecoder.decode(Strings.self, from: text)
        XCTAssertEqual(fast, try slow.decode(Strings.self, from: Data(text.utf8)))
    }

    func testWhatItDoesNotReadIsLeftToJSONDecoder() throws {
        let unsupported = [
            #"{"session": "ses_a", "attendee": "att_b", "extra": {"nested": 1}}"#,  // nested object
            #"{"session": "ses_a", "attendee": "att_b", "extra": 1.5}"#,  // a fraction
            #"{"session": "ses_a"}"#,  // a missing key
            #"{"session": 1, "attendee": "att_b"}"#,  // the wrong kind
            #"{"session": "ses_a", "attendee": "att_b"} x"#,  // trailing text
            #"{"session": "ses_a", "attendee": "\ud83d"}"#,  // a lone surrogate
        ]
        for text in unsupported { XCTAssertNil(EventDecoder.fast(SeatTaken.self, text), text) }
        XCTAssertEqual(
            EventDecoder.fast(SeatTaken.self, #"{"attendee": "att_b", "session": "ses_a", "other": [1, 2]}"#),
            nil, "arrays of numbers are left to JSONDecoder")
        // The payloads made directly (`PayloadDecoder.direct`) leave the same to JSONDecoder.
        XCTAssertNil(EventDecoder.fast(SeatReleased.self, #"{"session": "ses_a", "attendee": "att_b", "reason": "bored"}"#))
        XCTAssertNil(EventDecoder.fast(Waitlisted.self, #"{"session": "ses_a", "attendee": "att_b", "position": "1"}"#))
        XCTAssertNil(EventDecoder.fast(WaitlistLeft.self, #"{"session": "ses_a", "attendee": "att_b", "position": 1}"#))
        let registered = #"{"attendee": "att_a", "conference": "c", "name": "n", "email": "e", "role": "r", "token_hash": "h""#
        XCTAssertNil(EventDecoder.fast(AttendeeRegistered.self, registered + #", "city": 5}"#))
        XCTAssertEqual(
            EventDecoder.fast(AttendeeRegistered.self, registered + #", "city": null, "extra": true}"#),
            try slow.decode(AttendeeRegistered.self, from: Data((registered + "}").utf8)))
    }

    /// What `PayloadDecoder` leaves is read by the event catalog (`EventRegistry`), as the event
    /// store reads it; a type the catalog does not know is a failure naming its position.
    func testWhatItLeavesIsReadByTheEventCatalog() throws {
        let text = #"{"session": "ses_a", "attendee": "att_b", "extra": 1.5}"#
        XCTAssertNil(EventDecoder.fast(SeatTaken.self, text))
        let stored = EventDecoder.Stored(position: 7, type: SeatTaken.eventType, schema: SeatTaken.schema, data: text, instant: "i")
        let taken = try XCTUnwrap(try EventDecoder.decode([stored], parallel: false).first?.event as? SeatTaken)
        XCTAssertEqual(
            try CanonicalJSON.encode(taken), try CanonicalJSON.encode(EventRegistry.decode(type: "SeatTaken", schema: 1, data: text)))
        XCTAssertEqual(taken.session.rawValue, "ses_a")
        let unknown = EventDecoder.Stored(position: 8, type: "NoSuchEvent", schema: 1, data: "{}", instant: "i")
        XCTAssertThrowsError(try EventDecoder.decode([stored, unknown], parallel: false)) {
            XCTAssertEqual(($0 as? EventDecoder.Failure)?.position, 8, "\($0)")
        }
    }

    func testInstantsAsISO8601() throws {
        for text in [
            "2026-10-14T15:00:00Z", "2024-02-29T23:59:59Z", "1969-12-31T00:00:01Z", "2000-01-01T00:00:00Z", "2100-03-01T12:30:00Z",
        ] {
            XCTAssertEqual(PayloadDecoder.instant(text), try Date(text, strategy: .iso8601), text)
        }
        for text in [
            "2026-02-29T00:00:00Z", "2026-10-14T24:00:00Z", "2026-10-14T15:00:00.5Z", "2026-10-14T15:00:00+02:00", "2026-13-01T00:00:00Z",
        ] {
            XCTAssertNil(PayloadDecoder.instant(text), text)
        }
    }

    private struct Strings: Codable, Equatable {
        let room: String
        let title: String
        let speakers: [String]
    }

    /// `{"a":1,"b":[2,3]}` → `{"a": 1, "b": [2, 3]}` (outside strings).
    static func jsonbSpacing(_ compact: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        for character in compact {
            out.append(character)
            if inString {
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character == "\"" {
                inString = true
            } else if character == "," || character == ":" {
                out.append(" ")
            }
        }
        return out
    }
}
