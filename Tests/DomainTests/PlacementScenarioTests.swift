import Domain
import Events
import XCTest

// The given/when/then harness of the placement tests, and the seed scenario: the four
// cities of the 2026 Summer Scholars. Steps run through the `StreamReader` variants, as
// the application runs them.

let emma = ScholarID.make(suffix: "emma")
let ana = ScholarID.make(suffix: "ana")
let bogota = OpeningID.make(suffix: "bogota")
let cdmx = OpeningID.make(suffix: "cdmx")
let reykjavik = OpeningID.make(suffix: "reykjavik")
let p1 = PlacementID.make(suffix: "p1")
let p2 = PlacementID.make(suffix: "p2")
let p3 = PlacementID.make(suffix: "p3")
let trainedAt = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

/// One command of a scenario.
enum Step {
    case admit(ScholarID, email: String, cohort: Int? = nil, name: String = "Emma Miner")
    case train(ScholarID)
    case open(OpeningID, seats: Int? = nil, cohort: Int? = nil, starts: String = "2026-06-15", ends: String = "2026-08-14")
    case propose(PlacementID, ScholarID, OpeningID, note: String? = nil)
    case approve(PlacementID)
    case confirm(PlacementID)
    case withdraw(PlacementID, reason: String = "visa delayed", by: String? = nil)
    case complete(PlacementID, outcome: String = "expanded women's access to care services")

    func decide(_ streams: some StreamReader) throws -> [PendingEvent] {
        switch self {
        case .admit(let id, let email, let cohort, let name):
            let admit = Scholar.Admit(
                id: id, name: name, email: email, university: "Johns Hopkins University", cohort: cohort, defaultCohort: 2026)
            return try Scholar.decide(admit, streams)
        case .train(let id): return try Scholar.decide(Scholar.CompleteTraining(scholar: id, now: trainedAt), streams)
        case .open(let id, let seats, let cohort, let starts, let ends):
            let create = Opening.Create(
                id: id, city: "Bogotá", country: "Colombia", host: "iBO — Laboratorio de Innovación Pública de Bogotá",
                project: "Care Blocks", starts: starts, ends: ends, seats: seats, cohort: cohort)
            return try Opening.decide(create, streams)
        case .propose(let id, let scholar, let opening, let note):
            return try Placement.decide(Placement.Propose(id: id, scholar: scholar, opening: opening, note: note), streams)
        case .approve(let id): return try Placement.decide(Placement.Approve(placement: id), streams)
        case .confirm(let id): return try Placement.decide(Placement.Confirm(placement: id), streams)
        case .withdraw(let id, let reason, let by):
            return try Placement.decide(Placement.Withdraw(placement: id, reason: reason, by: by), streams)
        case .complete(let id, let outcome): return try Placement.decide(Placement.Complete(placement: id, outcome: outcome), streams)
        }
    }
}

/// Records which streams a decision read, to check it reads every stream it appends to.
final class RecordingReader: StreamReader {
    let base: InMemoryStreams
    private(set) var read: Set<StreamName> = []
    init(_ base: InMemoryStreams) { self.base = base }
    func read(_ stream: StreamName) throws -> [any DomainEvent] {
        read.insert(stream)
        return try base.read(stream)
    }
}

enum Then: CustomStringConvertible {
    /// "stream Type" per event, in order.
    case events([String])
    case rejected(String)
    var description: String {
        switch self {
        case .events(let list): "events \(list)"
        case .rejected(let rule): "rejection \(rule)"
        }
    }
}

struct PlacementCase {
    let name: String
    let given: [Step]
    let when: Step
    let then: Then
    init(_ name: String, given: [Step], when: Step, then: Then) {
        (self.name, self.given, self.when, self.then) = (name, given, when, then)
    }
}

struct World {
    var streams = InMemoryStreams()

    /// Decides a step; the application's contract is checked too: every stream written was read.
    func attempt(_ step: Step, file: StaticString = #filePath, line: UInt = #line) -> Result<[PendingEvent], Rejection> {
        let reader = RecordingReader(streams)
        do {
            let events = try step.decide(reader)
            let unread = Set(events.map(\.stream)).subtracting(reader.read)
            XCTAssertTrue(unread.isEmpty, "\(step) appends to streams it did not read: \(unread)", file: file, line: line)
            return .success(events)
        } catch let rejection as Rejection {
            return .failure(rejection)
        } catch {
            XCTFail("\(step): unexpected error \(error)", file: file, line: line)
            return .failure(Rejection("test", "\(error)"))
        }
    }

    @discardableResult
    mutating func run(_ steps: [Step], file: StaticString = #filePath, line: UInt = #line) throws -> [PendingEvent] {
        var all: [PendingEvent] = []
        for step in steps {
            let events = try attempt(step, file: file, line: line).get()
            streams.append(events)
            all += events
        }
        return all
    }

    func state<D: Decider>(_ decider: D.Type, _ stream: StreamName) -> D.State { D.fold(streams.streams[stream] ?? []) }
}

func summary(_ events: [PendingEvent]) -> [String] { events.map { "\($0.stream) \($0.event.eventType)" } }

/// Runs each case; a case that writes is applied and sent again (the Equinox check): the
/// second send must write nothing or be refused clearly.
func check(_ cases: [PlacementCase], file: StaticString = #filePath, line: UInt = #line) {
    for c in cases {
        var world = World()
        do { try world.run(c.given, file: file, line: line) } catch {
            XCTFail("\(c.name): a given step was refused: \(error)", file: file, line: line)
            continue
        }
        switch (c.then, world.attempt(c.when, file: file, line: line)) {
        case (.events(let expected), .success(let events)):
            XCTAssertEqual(summary(events), expected, c.name, file: file, line: line)
            world.streams.append(events)
            switch world.attempt(c.when, file: file, line: line) {
            case .success(let again): XCTAssertEqual(summary(again), [], "\(c.name): sent twice", file: file, line: line)
            case .failure(let refusal):
                XCTAssertFalse(refusal.message.isEmpty || refusal.hint == nil, "\(c.name): unclear", file: file, line: line)
            }
        case (.rejected(let rule), .failure(let refusal)):
            XCTAssertEqual(refusal.rule, rule, "\(c.name): \(refusal.message)", file: file, line: line)
            XCTAssertNotNil(refusal.hint, "\(c.name): a refusal says what to do", file: file, line: line)
        case (let expected, let got):
            XCTFail("\(c.name): expected \(expected), got \(got)", file: file, line: line)
        }
    }
}

final class PlacementScenarioTests: XCTestCase {
    /// The 2026 summer: four city halls, five scholars' worth of steps, every path once.
    func testTheSeedSummer() throws {
        var world = World()
        let cities: [(OpeningID, String, String, String, String)] = [
            (bogota, "Bogotá", "Colombia", "iBO — Laboratorio de Innovación Pública de Bogotá", "Care Blocks"),
            (cdmx, "Mexico City", "Mexico", "Agencia Digital de Innovación Pública", "Digital services for 4 million people"),
            (OpeningID.make(suffix: "slc"), "Salt Lake City", "United States", "Mayor's Office", "Civic engagement"),
            (reykjavik, "Reykjavík", "Iceland", "City of Reykjavík", "Services for school-aged children and families"),
        ]
        for (id, city, country, host, project) in cities {
            let create = Opening.Create(
                id: id, city: city, country: country, host: host, project: project, starts: "2026-06-15", ends: "2026-08-14")
            world.streams.append(try Opening.decide(create, world.streams))
        }
        try world.run([
            .admit(emma, email: "Emma.Miner@JHU.edu"), .train(emma), .propose(p1, emma, bogota, note: "speaks Spanish"),
            .approve(p1), .confirm(p1), .complete(p1),
            .admit(ana, email: "ana@jhu.edu", name: "Ana"), .propose(p2, ana, reykjavik), .withdraw(p2, by: "host"),
            .propose(p3, ana, cdmx), .approve(p3), .train(ana), .confirm(p3),
        ])
        let done = world.state(Placement.self, .placement(p1))
        XCTAssertEqual(done.statuses, [.proposed, .approved, .confirmed, .completed])
        XCTAssertEqual(done.note, "speaks Spanish")
        XCTAssertEqual(done.trainingCompletedAt, "2026-05-28T20:26:40Z")
        XCTAssertEqual(done.outcome, "expanded women's access to care services")
        let withdrawn = world.state(Placement.self, .placement(p2))
        XCTAssertEqual(withdrawn.statuses, [.proposed, .withdrawn])
        XCTAssertEqual([withdrawn.withdrawnBy, withdrawn.withdrawalReason], ["host", "visa delayed"])
        XCTAssertEqual(world.state(Opening.self, .opening(bogota)).seatHolders, [p1], "a completed placement keeps its seat")
        XCTAssertEqual(world.state(Opening.self, .opening(cdmx)).seatsLeft, 0)
        XCTAssertEqual(world.state(Scholar.self, .scholar(ana)).active[2026]?.placement, p3)
        XCTAssertNil(world.state(Scholar.self, .scholar(emma)).active[2026])
        XCTAssertEqual(try Scholar.resolve("EMMA.miner@jhu.edu", world.streams), emma)
    }
}
