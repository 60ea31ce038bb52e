import Domain
import Events
import Foundation
import XCTest

/// Golden samples: these stored payloads must decode, to these values, forever. Never edit a
/// sample; a new schema gets a new sample beside the old one.
final class ProgramGoldenTests: XCTestCase {
    private static let s = SessionID.make(suffix: "k3q9x2mw")
    private static let x = SessionID.make(suffix: "p7r2z8nd")
    private static let a = AttendeeID.make(suffix: "b4t6y1qe")
    private static let c = ConferenceID("citylab-2026")!
    private static func t(_ text: String) -> Date {
        (try? LocalDateTime.parse(text, in: TimeZone(identifier: "UTC")!, field: "t")) ?? .distantPast
    }

    static let samples: [(type: String, json: String, value: any DomainEvent)] = [
        (
            "SessionScheduled",
            #"{"capacity":40,"conference":"citylab-2026","ends":"2026-10-14T15:30:00Z","room":"Hall A","session":"ses_k3q9x2mw","speakers":["Ana Ruiz","Li Wei"],"starts":"2026-10-14T14:00:00Z","title":"Care Blocks: Bogotá’s “Manzanas del Cuidado”","track":"Care"}"#,
            SessionScheduled(
                session: s, conference: c, title: "Care Blocks: Bogotá’s “Manzanas del Cuidado”", room: "Hall A",
                starts: t("2026-10-14T14:00Z"), ends: t("2026-10-14T15:30Z"), capacity: 40, track: "Care", speakers: ["Ana Ruiz", "Li Wei"])
        ),
        (
            "SessionScheduled",
            #"{"capacity":1,"conference":"citylab-2026","ends":"2026-10-15T14:00:00Z","room":"Studio","session":"ses_p7r2z8nd","speakers":[],"starts":"2026-10-15T13:00:00Z","title":"Open Lab"}"#,
            SessionScheduled(
                session: x, conference: c, title: "Open Lab", room: "Studio", starts: t("2026-10-15T13:00Z"), ends: t("2026-10-15T14:00Z"),
                capacity: 1, track: nil, speakers: [])
        ),
        (
            "SessionRescheduled",
            #"{"conference":"citylab-2026","ends":"2026-10-14T19:30:00Z","previous_ends":"2026-10-14T15:30:00Z","previous_room":"Hall A","previous_starts":"2026-10-14T14:00:00Z","room":"Hall B","session":"ses_k3q9x2mw","starts":"2026-10-14T18:00:00Z"}"#,
            SessionRescheduled(
                session: s, conference: c, room: "Hall B", starts: t("2026-10-14T18:00Z"), ends: t("2026-10-14T19:30Z"),
                previousRoom: "Hall A", previousStarts: t("2026-10-14T14:00Z"), previousEnds: t("2026-10-14T15:30Z"))
        ),
        (
            "SessionCapacityChanged", #"{"capacity":60,"previous_capacity":40,"session":"ses_k3q9x2mw"}"#,
            SessionCapacityChanged(session: s, capacity: 60, previousCapacity: 40)
        ),
        (
            "SessionCancelled", #"{"conference":"citylab-2026","reason":"speaker ill","session":"ses_k3q9x2mw"}"#,
            SessionCancelled(session: s, conference: c, reason: "speaker ill")
        ),
        ("SeatTaken", #"{"attendee":"att_b4t6y1qe","session":"ses_k3q9x2mw"}"#, SeatTaken(session: s, attendee: a)),
        (
            "Waitlisted", #"{"attendee":"att_b4t6y1qe","position":3,"session":"ses_k3q9x2mw"}"#,
            Waitlisted(session: s, attendee: a, position: 3)
        ),
        (
            "PromotedFromWaitlist", #"{"attendee":"att_b4t6y1qe","position":1,"session":"ses_k3q9x2mw"}"#,
            PromotedFromWaitlist(session: s, attendee: a, position: 1)
        ),
        (
            "WaitlistSkipped", #"{"attendee":"att_b4t6y1qe","clashes_with":"ses_p7r2z8nd","position":2,"session":"ses_k3q9x2mw"}"#,
            WaitlistSkipped(session: s, attendee: a, position: 2, clashesWith: x)
        ),
        (
            "SeatReleased", #"{"attendee":"att_b4t6y1qe","reason":"dropped","session":"ses_k3q9x2mw"}"#,
            SeatReleased(session: s, attendee: a, reason: .dropped)
        ),
        (
            "WaitlistLeft", #"{"attendee":"att_b4t6y1qe","position":4,"reason":"registration-cancelled","session":"ses_k3q9x2mw"}"#,
            WaitlistLeft(session: s, attendee: a, position: 4, reason: .registrationCancelled)
        ),
        (
            "RoomBooked",
            #"{"conference":"citylab-2026","ends":"2026-10-14T15:30:00Z","room":"Hall A","session":"ses_k3q9x2mw","starts":"2026-10-14T14:00:00Z"}"#,
            RoomBooked(conference: c, session: s, room: "Hall A", starts: t("2026-10-14T14:00Z"), ends: t("2026-10-14T15:30Z"))
        ),
        (
            "RoomReleased", #"{"conference":"citylab-2026","room":"Hall A","session":"ses_k3q9x2mw"}"#,
            RoomReleased(conference: c, session: s, room: "Hall A")
        ),
        (
            "SeatHeld",
            #"{"attendee":"att_b4t6y1qe","ends":"2026-10-14T15:30:00Z","session":"ses_k3q9x2mw","starts":"2026-10-14T14:00:00Z"}"#,
            SeatHeld(attendee: a, session: s, starts: t("2026-10-14T14:00Z"), ends: t("2026-10-14T15:30Z"))
        ),
        ("WaitlistJoined", #"{"attendee":"att_b4t6y1qe","session":"ses_k3q9x2mw"}"#, WaitlistJoined(attendee: a, session: s)),
        (
            "SessionLeft", #"{"attendee":"att_b4t6y1qe","reason":"session-cancelled","session":"ses_k3q9x2mw"}"#,
            SessionLeft(attendee: a, session: s, reason: .sessionCancelled)
        ),
        (
            "SeatTimesChanged",
            #"{"attendee":"att_b4t6y1qe","ends":"2026-10-14T19:30:00Z","session":"ses_k3q9x2mw","starts":"2026-10-14T18:00:00Z"}"#,
            SeatTimesChanged(attendee: a, session: s, starts: t("2026-10-14T18:00Z"), ends: t("2026-10-14T19:30Z"))
        ),
        (
            "AgendaOverlapFlagged", #"{"attendee":"att_b4t6y1qe","clashes_with":"ses_p7r2z8nd","session":"ses_k3q9x2mw"}"#,
            AgendaOverlapFlagged(attendee: a, session: s, clashesWith: x)
        ),
        (
            "AttendeeCancelled", #"{"attendee":"att_b4t6y1qe","conference":"citylab-2026"}"#,
            AttendeeCancelled(attendee: a, conference: c, reason: nil)
        ),
        (
            "AttendeeCheckedIn", #"{"at":"2026-10-14T12:45:30Z","attendee":"att_b4t6y1qe","conference":"citylab-2026"}"#,
            AttendeeCheckedIn(attendee: a, conference: c, at: t("2026-10-14T12:45:30Z"))
        ),
        (
            "AgendaLinkReissued",
            #"{"attendee":"att_b4t6y1qe","token_hash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}"#,
            AgendaLinkReissued(attendee: a, tokenHash: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
        ),
    ]

    /// Written by other producers (jsonb keeps explicit nulls): must decode too.
    static let nullSamples: [(type: String, json: String, value: any DomainEvent)] = [
        (
            "AttendeeCancelled", #"{"attendee":"att_b4t6y1qe","conference":"citylab-2026","reason":null}"#,
            AttendeeCancelled(attendee: a, conference: c, reason: nil)
        ),
        (
            "SessionScheduled",
            #"{"capacity":1,"conference":"citylab-2026","ends":"2026-10-15T14:00:00Z","room":"Studio","session":"ses_p7r2z8nd","speakers":[],"starts":"2026-10-15T13:00:00Z","title":"Open Lab","track":null}"#,
            SessionScheduled(
                session: x, conference: c, title: "Open Lab", room: "Studio", starts: t("2026-10-15T13:00Z"), ends: t("2026-10-15T14:00Z"),
                capacity: 1, track: nil, speakers: [])
        ),
    ]

    func testEverySampleDecodesToItsValueAndKeepsItsSpelling() throws {
        for sample in Self.samples {
            let decoded = try EventRegistry.decode(type: sample.type, schema: 1, data: sample.json)
            XCTAssertEqual(decoded.eventType, sample.type)
            XCTAssertEqual(try CanonicalJSON.encode(decoded), try CanonicalJSON.encode(sample.value), sample.type)
            XCTAssertEqual(try CanonicalJSON.encode(sample.value), sample.json, "\(sample.type) no longer writes its golden spelling")
        }
        for sample in Self.nullSamples {
            let decoded = try EventRegistry.decode(type: sample.type, schema: 1, data: sample.json)
            XCTAssertEqual(try CanonicalJSON.encode(decoded), try CanonicalJSON.encode(sample.value), sample.type)
        }
    }

    func testEveryProgramEventTypeHasAGoldenSample() {
        let program = [
            "SessionScheduled", "SessionRescheduled", "SessionCapacityChanged", "SessionCancelled", "SeatTaken", "Waitlisted",
            "PromotedFromWaitlist", "WaitlistSkipped", "SeatReleased", "WaitlistLeft", "RoomBooked", "RoomReleased", "SeatHeld",
            "WaitlistJoined", "SessionLeft", "SeatTimesChanged", "AgendaOverlapFlagged", "AttendeeCancelled", "AttendeeCheckedIn",
            "AgendaLinkReissued",
        ]
        XCTAssertEqual(Set(Self.samples.map(\.type)), Set(program))
        XCTAssertTrue(Set(program).isSubset(of: EventRegistry.knownTypes), "listed in EventCatalog")
    }

    func testAnUnknownLeaveReasonDoesNotDecodeSilently() {
        XCTAssertThrowsError(
            try EventRegistry.decode(type: "SessionLeft", schema: 1, data: #"{"attendee":"att_b","reason":"moved","session":"ses_k"}"#))
    }
}
