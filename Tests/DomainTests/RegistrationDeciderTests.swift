import Domain
import Events
import XCTest

/// Given events, when a registration command, then events or a refusal.
final class RegistrationDeciderTests: XCTestCase {
    let edition = ConferenceID("citylab-2026")!
    let ada = AttendeeID("att_ada00001")!

    var opened: ConferenceOpened {
        ConferenceOpened(
            conference: edition, name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota",
            starts: "2026-10-14", ends: "2026-10-16")
    }

    func open(_ change: (inout Conference.Open) -> Void = { _ in }) -> Conference.Open {
        var command = Conference.Open(
            id: "citylab-2026", name: "CityLab 2026", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14",
            ends: "2026-10-16")
        change(&command)
        return command
    }

    func register(_ email: String = "Ada@Example.org", role: String = "mayor", name: String = "Ada Lovelace", id: AttendeeID? = nil)
        -> Attendee.Register
    {
        Attendee.Register(
            id: id ?? ada, name: name, email: email, role: role, organization: "City of Bogotá", city: "Bogotá", tokenHash: "ab")
    }

    func rule(_ body: () throws -> Any) -> String? {
        do {
            _ = try body()
            return nil
        } catch let rejection as Rejection {
            return rejection.rule
        } catch {
            return "unexpected \(error)"
        }
    }

    func testOpenConferenceEmitsOpened() throws {
        let events = try Conference.decide(open(), Conference.initialState)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events[0].stream, .conference(edition))
        XCTAssertEqual(events[0].event as? ConferenceOpened, opened)
    }

    func testOpenConferenceRefusals() {
        let cases: [(String, Conference.Open, Conference.State)] = [
            ("duplicate-id", open(), Conference.fold(events: [opened])),
            ("invalid-id", open { $0.id = "City Lab" }, Conference.initialState),
            ("invalid-timezone", open { $0.timeZone = "Mars/Olympus" }, Conference.initialState),
            ("end-before-start", open { $0.ends = "2026-10-13" }, Conference.initialState),
            ("invalid-date", open { $0.starts = "2026-02-30" }, Conference.initialState),
            ("invalid-name", open { $0.name = "  " }, Conference.initialState),
        ]
        for (expected, command, state) in cases {
            XCTAssertEqual(rule { try Conference.decide(command, state) }, expected, "\(command)")
        }
    }

    func testRegisterClaimsTheLowercasedEmail() throws {
        let events = try Attendee.decide(
            register(), conference: Conference.fold(events: [opened]), attendee: Attendee.initialState, email: EmailClaim.initialState)
        XCTAssertEqual(events.map(\.stream), [.attendee(ada), .emailClaim(scope: "citylab-2026", email: "ada@example.org")])
        let registered = try XCTUnwrap(events[0].event as? AttendeeRegistered)
        XCTAssertEqual(registered.email, "ada@example.org")
        XCTAssertEqual(registered.role, "mayor")
        XCTAssertEqual(registered.tokenHash, "ab")
        XCTAssertEqual((events[1].event as? EmailClaimed)?.holder, ada.rawValue)
    }

    func testRegisterRefusals() {
        let conference = Conference.fold(events: [opened])
        let taken = EmailClaim.fold(events: [EmailClaimed(scope: "citylab-2026", email: "ada@example.org", holder: "att_other001")])
        let existing = Attendee.fold(events: [
            AttendeeRegistered(
                attendee: ada, conference: edition, name: "A", email: "a@b.org", role: "mayor", organization: nil, city: nil,
                tokenHash: "x")
        ])
        let cases: [(String, Attendee.Register, Conference.State, Attendee.State, EmailClaim.State)] = [
            ("email-taken", register(), conference, Attendee.initialState, taken),
            ("duplicate-id", register(), conference, existing, EmailClaim.initialState),
            ("unknown-conference", register(), Conference.initialState, Attendee.initialState, EmailClaim.initialState),
            ("invalid-email", register("not-an-email"), conference, Attendee.initialState, EmailClaim.initialState),
            ("invalid-email", register("a@b"), conference, Attendee.initialState, EmailClaim.initialState),
            ("invalid-role", register(role: "king"), conference, Attendee.initialState, EmailClaim.initialState),
            ("invalid-name", register(name: ""), conference, Attendee.initialState, EmailClaim.initialState),
        ]
        for (expected, command, c, a, e) in cases {
            XCTAssertEqual(rule { try Attendee.decide(command, conference: c, attendee: a, email: e) }, expected, "\(command.email)")
        }
    }

    func testReleasedEmailCanRegisterAgain() throws {
        let claim = EmailClaim.fold(events: [
            EmailClaimed(scope: "citylab-2026", email: "ada@example.org", holder: "att_other001"),
            EmailReleased(scope: "citylab-2026", email: "ada@example.org", holder: "att_other001"),
        ])
        XCTAssertNil(claim.holder)
        XCTAssertNoThrow(
            try Attendee.decide(register(), conference: Conference.fold(events: [opened]), attendee: Attendee.initialState, email: claim))
    }

    /// Equinox check: apply the result, send the same command again: refused, nothing new.
    func testRegisteringTwiceIsRefused() throws {
        var streams = InMemoryStreams([.conference(edition): [opened]])
        let email = StreamName.emailClaim(scope: "citylab-2026", email: "ada@example.org")
        func decide() throws -> [PendingEvent] {
            try Attendee.decide(
                register(), conference: try streams.state(Conference.self, .conference(edition)),
                attendee: try streams.state(Attendee.self, .attendee(ada)), email: try streams.state(EmailClaim.self, email))
        }
        streams.append(try decide())
        XCTAssertEqual(rule { try decide() }, "duplicate-id")
    }

    /// Golden samples: stored payloads must decode forever.
    func testGoldenSamplesDecode() throws {
        let samples: [(String, String)] = [
            (
                "ConferenceOpened",
                #"{"city":"Bogotá","conference":"citylab-2026","ends":"2026-10-16","name":"CityLab 2026","starts":"2026-10-14","time_zone":"America/Bogota"}"#
            ),
            (
                "AttendeeRegistered",
                #"{"attendee":"att_ada00001","city":"Bogotá","conference":"citylab-2026","email":"ada@example.org","name":"Ada","organization":"City of Bogotá","role":"mayor","token_hash":"ab"}"#
            ),
            ("EmailClaimed", #"{"email":"ada@example.org","holder":"att_ada00001","scope":"citylab-2026"}"#),
            ("EmailReleased", #"{"email":"ada@example.org","holder":"att_ada00001","scope":"citylab-2026"}"#),
        ]
        for (type, data) in samples {
            let event = try EventRegistry.decode(type: type, schema: 1, data: data)
            XCTAssertEqual(event.eventType, type)
            XCTAssertEqual(try CanonicalJSON.encode(event), data, "re-encoding \(type) must give the same canonical bytes")
        }
    }
}
