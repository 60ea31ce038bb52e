import Domain
import Events
import Foundation

extension SamplePlan {
    static let cancelledRegistrations = 12
    static let reasons = [
        "travel funding fell through", "a council vote moved to the same week", "visa appointment not in time",
        "family reasons", "budget season at city hall", "double-booked with a state conference",
    ]

    /// The weeks before the edition: some registrations are cancelled (their seats go to the
    /// waitlists), a session moves to Friday with more seats, one is called off, and people
    /// change their minds (drops that promote the next in line).
    var changeSteps: [SampleStep] {
        let (cast, program, seed) = (self.cast, self.program, self.seed)
        let moved = SampleProgramTable.rescheduled
        let movedSession = program[moved.index]
        let called = program[SampleProgramTable.cancelled]
        return [
            SampleStep(
                name: "cancel-registrations", command: "attendee cancel", actor: SampleActors.registrationOffice,
                note: "Cancelling \(Self.cancelledRegistrations) registrations"
            ) { reader in
                var random = SampleRandom(seed: seed, label: "cancellations")
                let eligible = cast.filter { $0.role != .staff && $0.role != .speaker }
                var chosen: [SampleAttendee] = []
                while chosen.count < min(Self.cancelledRegistrations, eligible.count) {
                    let person = random.pick(eligible)
                    if !chosen.contains(where: { $0.id == person.id }) { chosen.append(person) }
                }
                for person in chosen {
                    let cancel = Attendee.Cancel(attendee: person.id, reason: random.pick(Self.reasons))
                    try reader.keep(Attendee.decide(cancel, reader))
                }
            },
            SampleStep(
                name: "reschedule", command: "session reschedule", actor: SampleActors.programTeam,
                note: "Moving '\(movedSession.spec.title)' to \(SampleStory.days[moved.day]) \(moved.starts)"
            ) { reader in
                let starts = "\(SampleStory.days[moved.day])T\(moved.starts)"
                let command = Session.Reschedule(
                    session: movedSession.id, room: moved.room.rawValue, starts: starts, capacity: moved.capacity)
                try reader.keep(Session.decide(command, reader))
            },
            SampleStep(
                name: "cancel-session", command: "session cancel", actor: SampleActors.programTeam,
                note: "Calling off '\(called.spec.title)'"
            ) { reader in
                let reason = "The panel's flights were cancelled; it runs as a webinar in November instead."
                try reader.keep(Session.decide(Session.Cancel(session: called.id, reason: reason), reader))
            },
            SampleStep(
                name: "drops", command: "agenda drop", actor: SampleActors.registrationSite,
                note: "Changing agendas: drops and waitlist moves"
            ) { reader in
                try Self.drops(seed: seed, program: program, reader)
            },
        ]
    }

    /// A few seats left in every full session (the first in line moves up), some waitlist
    /// places given up, and some seats dropped elsewhere.
    private static func drops(seed: UInt64, program: [SampleSession], _ reader: SampleStepReader) throws {
        var random = SampleRandom(seed: seed, label: "drops")
        for session in program {
            let state = try reader.state(Session.self, .session(session.id))
            guard !state.isCancelled else { continue }
            var leaving: [AttendeeID] = []
            if !state.waitlist.isEmpty {
                let count = random.between(1...3)
                for _ in 0..<count where !state.seats.isEmpty {
                    let holder = random.pick(state.seats)
                    if !leaving.contains(holder) { leaving.append(holder) }
                }
                if state.waitlist.count > 4, random.chance(50) { leaving.append(random.pick(Array(state.waitlist.suffix(3)))) }
            } else if !state.seats.isEmpty, random.chance(35) {
                leaving.append(random.pick(state.seats))
            }
            for attendee in leaving {
                try reader.keep(Agenda.decide(Agenda.Drop(attendee: attendee, session: session.id), reader))
            }
        }
    }

    /// The edition's first mornings: most people check in on day one, some on day two.
    var checkInSteps: [SampleStep] {
        let (cast, seed) = (self.cast, self.seed)
        let plan = self
        return [(0, 80, "07:15"), (1, 45, "07:30")].map { day, percent, opens in
            SampleStep(
                name: "check-in-day-\(day + 1)", command: "attendee check-in", actor: SampleActors.registrationDesk,
                note: "Checking in arrivals on \(SampleStory.days[day])"
            ) { reader in
                var random = SampleRandom(seed: seed, label: "check-in-\(day)")
                for person in cast {
                    let state = try reader.state(Attendee.self, .attendee(person.id))
                    guard state.exists, !state.isCancelled, state.checkedInAt == nil, random.chance(percent) else { continue }
                    let at = try plan.instant("\(SampleStory.days[day])T\(opens)", plusMinutes: random.below(150))
                        .addingTimeInterval(TimeInterval(random.below(60)))
                    try reader.keep(Attendee.decide(Attendee.CheckIn(attendee: person.id, at: at), reader))
                }
            }
        }
    }
}
