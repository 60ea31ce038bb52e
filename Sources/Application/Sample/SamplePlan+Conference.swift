import Domain
import Events

extension SamplePlan {
    /// Requests per append while agendas fill (about four events each).
    static let enrollmentsPerStep = 1_200

    /// The edition opens, the program is scheduled, and 600 people register.
    var conferenceSteps: [SampleStep] {
        let conference = self.conference
        let open = Conference.Open(
            id: SampleStory.edition, name: SampleStory.editionName, city: SampleStory.city, timeZone: SampleStory.timeZone,
            starts: SampleStory.days[0], ends: SampleStory.days[SampleStory.days.count - 1])
        let program = self.program
        let cast = self.cast
        return [
            SampleStep(name: "open", command: "conference open", actor: SampleActors.director, note: "Opening \(open.name) in \(open.city)")
            { reader in
                let state = try reader.state(Conference.self, .conference(conference))
                if let opened = state.opened {
                    guard opened.timeZone == open.timeZone, opened.starts == open.starts, opened.ends == open.ends else {
                        throw Rejection(
                            "edition-exists", "\(conference) is already open with other dates or another time zone",
                            hint: "the sample needs \(conference) to run \(open.starts) to \(open.ends) in \(open.timeZone)")
                    }
                    return
                }
                try reader.keep(Conference.decide(open, state))
            },
            SampleStep(
                name: "schedule", command: "session schedule", actor: SampleActors.programTeam,
                note: "Scheduling \(program.count) sessions in 6 rooms"
            ) { reader in
                for session in program {
                    let command = Session.Schedule(
                        id: session.id, conference: conference, title: session.spec.title, room: session.spec.room.rawValue,
                        starts: session.startsText, ends: session.endsText, capacity: session.spec.capacity,
                        track: session.spec.track.rawValue, speakers: session.speakers)
                    try reader.keep(Session.decide(command, reader))
                }
            },
            SampleStep(
                name: "register", command: "attendee register", actor: SampleActors.registrationSite,
                note: "Registering \(cast.count) attendees"
            ) { reader in
                for person in cast {
                    let command = Attendee.Register(
                        id: person.id, name: person.name, email: person.email, role: person.role.rawValue,
                        organization: person.organization, city: person.city, tokenHash: AgendaToken.hash(person.token))
                    let claim = StreamName.emailClaim(scope: Attendee.emailScope(conference), email: person.email)
                    try reader.keep(
                        Attendee.decide(
                            command, conference: try reader.state(Conference.self, .conference(conference)),
                            attendee: try reader.state(Attendee.self, .attendee(person.id)), email: try reader.state(EmailClaim.self, claim)
                        ))
                }
            },
        ]
    }

    /// Everyone's requests, in a few big appends: a seat while one is free, else the waitlist.
    var enrollmentSteps: [SampleStep] {
        let chunks = stride(from: 0, to: requests.count, by: Self.enrollmentsPerStep).map {
            Array(requests[$0..<min($0 + Self.enrollmentsPerStep, requests.count)])
        }
        let (cast, program) = (self.cast, self.program)
        return chunks.enumerated().map { number, chunk in
            SampleStep(
                name: "enroll-\(number + 1)", command: "agenda add", actor: SampleActors.registrationSite,
                note: "Filling agendas (\(number + 1) of \(chunks.count)): \(chunk.count) requests"
            ) { reader in
                for request in chunk {
                    let add = Agenda.Add(attendee: cast[request.attendee].id, session: program[request.session].id)
                    try reader.keep(Agenda.decide(add, reader))
                }
            }
        }
    }
}
