import Domain
import Events
import Foundation
import XCTest

/// Given/when/then for the program deciders: an edition in New York (EDT, UTC-4) running
/// 2026-10-14 to 2026-10-16, with streams held in memory.
final class ProgramFixture {
    static let edition = ConferenceID("citylab-2026")!
    static let zone = "America/New_York"
    var streams = InMemoryStreams()
    private var nextToken = 0

    init(starts: String = "2026-10-14", ends: String = "2026-10-16") throws {
        let opened = try Conference.decide(
            Conference.Open(
                id: Self.edition.rawValue, name: "CityLab 2026", city: "New York", timeZone: Self.zone, starts: starts, ends: ends),
            Conference.initialState)
        streams.append(opened)
    }

    /// Given: these events are in the log.
    func given(_ events: [PendingEvent]) { streams.append(events) }

    /// When: the decision, not applied.
    func when(_ decide: (InMemoryStreams) throws -> [PendingEvent]) throws -> [PendingEvent] { try decide(streams) }

    /// Decides and applies: a step of the "given" history, or a "when" whose result we also apply.
    @discardableResult
    func run(_ decide: (InMemoryStreams) throws -> [PendingEvent]) throws -> [PendingEvent] {
        let events = try decide(streams)
        streams.append(events)
        return events
    }

    func register(_ name: String, conference: ConferenceID = ProgramFixture.edition) throws -> AttendeeID {
        nextToken += 1
        let id = AttendeeID.make(suffix: name.lowercased())
        let command = Attendee.Register(
            id: id, name: name, email: "\(name.lowercased())@example.org", role: "urbanist", organization: nil, city: nil,
            tokenHash: Self.tokenHash(nextToken))
        let claim = StreamName.emailClaim(scope: Attendee.emailScope(conference), email: command.email)
        try run {
            try Attendee.decide(
                command, conference: $0.state(Conference.self, .conference(conference)), attendee: $0.state(Attendee.self, .attendee(id)),
                email: $0.state(EmailClaim.self, claim))
        }
        return id
    }

    /// Schedules `ses_<suffix>` on 2026-10-14 at the given local times.
    func schedule(
        _ suffix: String, _ starts: String, _ ends: String, capacity: Int = 5, room: String? = nil, day: String = "2026-10-14"
    ) throws -> SessionID {
        let id = SessionID.make(suffix: suffix)
        try run {
            try Session.decide(
                Session.Schedule(
                    id: id, conference: Self.edition, title: "Talk \(suffix)", room: room ?? "Room \(suffix)", starts: "\(day)T\(starts)",
                    ends: "\(day)T\(ends)", capacity: capacity), $0)
        }
        return id
    }

    @discardableResult
    func add(_ attendee: AttendeeID, _ session: SessionID) throws -> [PendingEvent] {
        try run { try Agenda.decide(Agenda.Add(attendee: attendee, session: session), $0) }
    }

    func session(_ id: SessionID) throws -> Session.State { try streams.state(Session.self, .session(id)) }
    func attendee(_ id: AttendeeID) throws -> Attendee.State { try streams.state(Attendee.self, .attendee(id)) }

    static func tokenHash(_ n: Int) -> String { SHA256.hex("token-\(n)") }

    /// An instant written as local New York time, e.g. "2026-10-14T10:00".
    static func local(_ text: String) -> Date {
        (try? LocalDateTime.parse(text, in: TimeZone(identifier: zone)!, field: "test")) ?? .distantPast
    }
}

/// "stream type {canonical json}" per event, so a mismatch shows exactly which fact differs.
func lines(_ events: [PendingEvent]) -> [String] {
    events.map { "\($0.stream) \($0.event.eventType) \((try? $0.canonicalData()) ?? "?")" }
}

func assertEvents(_ actual: [PendingEvent], _ expected: [PendingEvent], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(lines(actual), lines(expected), file: file, line: line)
}

/// Then: refused by `rule` (nothing written); returns the rejection for message checks.
@discardableResult
func assertRejects(
    _ rule: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> [PendingEvent]
) -> Rejection? {
    do {
        let events = try body()
        XCTFail("expected a refusal '\(rule)', got \(lines(events))", file: file, line: line)
    } catch let rejection as Rejection {
        XCTAssertEqual(rejection.rule, rule, "\(rejection.message)", file: file, line: line)
        XCTAssertNotNil(rejection.hint, "a refusal says what to do", file: file, line: line)
        return rejection
    } catch {
        XCTFail("expected a refusal '\(rule)', got \(error)", file: file, line: line)
    }
    return nil
}

/// The Equinox check: the result applied, the same command again writes nothing new (no
/// events or a refusal).
func assertIdempotent(
    _ fixture: ProgramFixture, file: StaticString = #filePath, line: UInt = #line, _ decide: (InMemoryStreams) throws -> [PendingEvent]
) {
    let first: [PendingEvent]
    do { first = try fixture.run(decide) } catch {
        XCTFail("the first command failed: \(error)", file: file, line: line)
        return
    }
    XCTAssertFalse(first.isEmpty, "the first command should write", file: file, line: line)
    do {
        let again = try fixture.when(decide)
        XCTAssertEqual(lines(again), [], "the same command again wrote events", file: file, line: line)
    } catch is Rejection {
        // a clear refusal the second time
    } catch {
        XCTFail("\(error)", file: file, line: line)
    }
}

final class ProgramSupportTests: XCTestCase {
    func testFixtureOpensTheEdition() throws {
        let fixture = try ProgramFixture()
        XCTAssertNotNil(try fixture.streams.state(Conference.self, .conference(ProgramFixture.edition)).opened)
    }
}
