import Domain
import Events
import Foundation

/// Everything the sample will do, drawn from the seed before anything is written: the cast,
/// the program, who asks for which session, the scholars, and the steps in story order.
struct SamplePlan {
    let seed: UInt64
    let conference: ConferenceID
    let zone: TimeZone
    let cast: [SampleAttendee]
    let program: [SampleSession]
    let requests: [SampleAgendas.Request]
    let scholars: SampleScholars

    init(seed: UInt64) throws {
        guard let conference = SampleStory.conference, let zone = TimeZone(identifier: SampleStory.timeZone) else {
            throw Rejection("invalid-sample", "the sample's edition id or time zone is not valid", hint: "this is a bug in the sample")
        }
        self.seed = seed
        self.conference = conference
        self.zone = zone
        cast = SampleCast.make(seed: seed)
        program = SampleProgram.make(seed: seed, cast: cast)
        requests = SampleAgendas.requests(seed: seed, cast: cast, program: program)
        scholars = SampleScholars(seed: seed)
    }

    /// The steps in the order of the story: the edition opens and registration fills in the
    /// spring, the scholars' summer in city halls, then agendas, changes and the first days.
    var steps: [SampleStep] {
        conferenceSteps + scholars.steps + enrollmentSteps + changeSteps + checkInSteps
    }

    /// Every stream the load knows it will read, to read them in a few queries.
    var streamNames: [StreamName] {
        var names: [StreamName] = [.conference(conference), .program(conference)]
        for person in cast {
            names.append(.attendee(person.id))
            names.append(.emailClaim(scope: Attendee.emailScope(conference), email: person.email))
        }
        names += program.map { .session($0.id) }
        return names + scholars.streamNames
    }

    /// A local wall-clock time of the edition, `minutes` after `text` (e.g. "2026-10-14T07:15").
    func instant(_ text: String, plusMinutes minutes: Int = 0) throws -> Date {
        try LocalDateTime.parse(text, in: zone, field: "sample time").addingTimeInterval(TimeInterval(minutes * 60))
    }

    var attendeesByID: [AttendeeID: SampleAttendee] {
        Dictionary(uniqueKeysWithValues: cast.map { ($0.id, $0) })
    }
}
