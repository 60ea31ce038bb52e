import Events

/// What the sample holds after a load, and what this load did. The counts describe the
/// story (the same for every load of one seed); `eventsAppended`, `position` and
/// `milliseconds` describe this run (a second load appends 0).
public struct SampleSummary: Sendable, Equatable {
    public var edition: String
    /// Registrations made, and how many were later cancelled.
    public var attendees = 0, cancelledRegistrations = 0, checkedIn = 0
    public var sessions = 0, cancelledSessions = 0, rescheduledSessions = 0
    /// Sessions still on the program with every seat taken and people waiting.
    public var fullSessions = 0
    /// Seats held and waitlist places, now, in sessions still on the program.
    public var enrollments = 0, waitlisted = 0
    /// Times someone moved up from a waitlist into a seat.
    public var promotions = 0
    public var scholars = 0, openings = 0, placements = 0, completedPlacements = 0, withdrawnPlacements = 0
    public var eventsAppended = 0
    public var position: Int64 = 0
    public var milliseconds = 0
    /// Two attendees whose agendas show the program's life: a moved session, a waitlist place, a promotion.
    public var showcase: [SampleShowcase] = []

    public init(edition: String) { self.edition = edition }

    /// The counts as a JSON object (`--json`), with each showcase attendee's agenda token.
    public var json: JSONValue {
        var members = counts.mapValues { JSONValue.int(Int64($0)) }
        members["edition"] = .string(edition)
        members["position"] = .int(position)
        members["events_appended"] = .int(Int64(eventsAppended))
        members["milliseconds"] = .int(Int64(milliseconds))
        members["showcase"] = .array(showcase.map(\.json))
        return .object(members)
    }

    var counts: [String: Int] {
        [
            "attendees": attendees, "cancelled_registrations": cancelledRegistrations, "checked_in": checkedIn, "sessions": sessions,
            "cancelled_sessions": cancelledSessions, "rescheduled_sessions": rescheduledSessions, "full_sessions": fullSessions,
            "enrollments": enrollments, "waitlisted": waitlisted, "promotions": promotions, "scholars": scholars, "openings": openings,
            "placements": placements, "completed_placements": completedPlacements, "withdrawn_placements": withdrawnPlacements,
        ]
    }

    /// The story's counts and showcase as stored with the load's marker (tokens are not
    /// stored: they are derived from the seed again).
    var stored: JSONValue {
        var members = counts.mapValues { JSONValue.int(Int64($0)) }
        members["edition"] = .string(edition)
        members["showcase"] = .array(
            showcase.map { .object(["attendee": .string($0.attendee.rawValue), "story": .string($0.story)]) })
        return .object(members)
    }

    /// The summary stored by an earlier load; nil when `json` is not one.
    init?(stored json: JSONValue, attendees cast: [AttendeeID: SampleAttendee]) {
        guard let edition = json["edition"]?.stringValue else { return nil }
        self.init(edition: edition)
        func count(_ key: String) -> Int { Int(json[key]?.intValue ?? 0) }
        (attendees, cancelledRegistrations, checkedIn) = (count("attendees"), count("cancelled_registrations"), count("checked_in"))
        (sessions, cancelledSessions, rescheduledSessions) = (count("sessions"), count("cancelled_sessions"), count("rescheduled_sessions"))
        (fullSessions, enrollments, waitlisted, promotions) = (
            count("full_sessions"), count("enrollments"), count("waitlisted"), count("promotions")
        )
        (scholars, openings, placements) = (count("scholars"), count("openings"), count("placements"))
        (completedPlacements, withdrawnPlacements) = (count("completed_placements"), count("withdrawn_placements"))
        guard case .array(let items)? = json["showcase"] else { return nil }
        for item in items {
            guard let id = item["attendee"]?.stringValue.flatMap(AttendeeID.init), let person = cast[id] else { return nil }
            showcase.append(SampleShowcase(person, story: item["story"]?.stringValue ?? ""))
        }
    }
}

/// A sample attendee to show off, with their agenda token. **Sample tokens are public
/// knowledge** — anyone can derive them from the seed — so they protect nothing; never
/// load the sample into a database that holds real people.
public struct SampleShowcase: Sendable, Equatable {
    public let attendee: AttendeeID
    public let name: String
    public let email: String
    public let token: String
    /// Why their agenda is worth opening, in a sentence.
    public let story: String

    init(_ person: SampleAttendee, story: String) {
        (attendee, name, email, token, self.story) = (person.id, person.name, person.email, person.token, story)
    }

    /// `base/agenda/TOKEN`, the page `serve` renders (JSON and calendar links hang off it).
    public func agendaURL(base: String) -> String { "\(base)/agenda/\(token)" }

    var json: JSONValue {
        .object([
            "attendee": .string(attendee.rawValue), "name": .string(name), "email": .string(email), "token": .string(token),
            "story": .string(story),
        ])
    }
}
