import Domain
import Events

/// Counts what the sample holds by folding its streams (all in the log's cache right after
/// a load), and picks the two showcase attendees by what actually happened to them.
struct SampleTally {
    let plan: SamplePlan
    let reader: SampleStepReader

    static let dayNames = ["Wed 14 Oct", "Thu 15 Oct", "Fri 16 Oct"]

    func summary() throws -> SampleSummary {
        var summary = SampleSummary(edition: plan.conference.rawValue)
        var promoted: [AttendeeID: SessionID] = [:]
        for session in plan.program {
            let events = try reader.read(.session(session.id))
            let state = Session.fold(events)
            guard state.exists else { continue }
            summary.sessions += 1
            if events.contains(where: { $0 is SessionRescheduled }) { summary.rescheduledSessions += 1 }
            for case let moved as PromotedFromWaitlist in events {
                summary.promotions += 1
                promoted[moved.attendee] = promoted[moved.attendee] ?? session.id
            }
            if state.isCancelled {
                summary.cancelledSessions += 1
                continue
            }
            summary.enrollments += state.seats.count
            summary.waitlisted += state.waitlist.count
            if state.freeSeats == 0, !state.waitlist.isEmpty { summary.fullSessions += 1 }
        }
        for person in plan.cast {
            let state = try reader.state(Attendee.self, .attendee(person.id))
            guard state.exists else { continue }
            summary.attendees += 1
            if state.isCancelled { summary.cancelledRegistrations += 1 }
            if state.checkedInAt != nil { summary.checkedIn += 1 }
        }
        let scholars = plan.scholars
        summary.scholars = try scholars.people.filter { try reader.state(Scholar.self, .scholar($0.id)).exists }.count
        summary.openings = try scholars.posts.filter { try reader.state(Opening.self, .opening($0.id)).exists }.count
        for proposal in scholars.proposals {
            let state = try reader.state(Placement.self, .placement(proposal.id))
            guard state.exists else { continue }
            summary.placements += 1
            if state.status == .completed { summary.completedPlacements += 1 }
            if state.status == .withdrawn { summary.withdrawnPlacements += 1 }
        }
        summary.showcase = try showcase(promoted: promoted)
        return summary
    }

    /// The first attendee (in cast order) holding a seat in the moved session and a waitlist
    /// place, and the first who moved up from a waitlist (preferably also losing the called-off session).
    private func showcase(promoted: [AttendeeID: SessionID]) throws -> [SampleShowcase] {
        let moved = plan.program[SampleProgramTable.rescheduled.index]
        let called = plan.program[SampleProgramTable.cancelled]
        var first: SampleShowcase?
        var second: (SampleShowcase, rank: Int)?
        for person in plan.cast where person.role != .staff {
            let events = try reader.read(.attendee(person.id))
            let state = Attendee.fold(events)
            guard state.exists, !state.isCancelled else { continue }
            if first == nil, state.seats[moved.id] != nil, let waiting = state.waitlists.sorted().first,
                !events.contains(where: { $0 is AgendaOverlapFlagged })
            {
                let session = try reader.state(Session.self, .session(waiting))
                let to = SampleProgramTable.rescheduled
                first = SampleShowcase(
                    person,
                    story: "'\(moved.spec.title)' moved from \(Self.dayNames[moved.spec.day]) \(moved.spec.starts) "
                        + "to \(Self.dayNames[to.day]) \(to.starts); #\(session.position(of: person.id) ?? 0) on the waitlist for "
                        + "'\(session.title)'.")
                continue
            }
            guard let into = promoted[person.id], state.seats[into] != nil, state.checkedInAt != nil else { continue }
            let lostCalled = events.contains { ($0 as? SessionLeft)?.reason == .sessionCancelled }
            let rank = lostCalled ? 0 : 1
            if second == nil || rank < (second?.rank ?? 2) {
                let title = try reader.state(Session.self, .session(into)).title
                var story = "Moved up from the waitlist into '\(title)'"
                if lostCalled { story += "; '\(called.spec.title)' was called off" }
                second = (SampleShowcase(person, story: story + "; checked in."), rank)
            }
            if first != nil, second?.rank == 0 { break }
        }
        return [first, second?.0].compactMap { $0 }
    }
}
