import Domain
import Events
import Foundation

extension HistoryGenerator {
    /// One random command, in a realistic mix: mostly enrollments and drops.
    mutating func step() throws {
        let roll = random.below(100)
        switch roll {
        case 0..<40:
            guard let attendee = pick(attendees), let session = pick(sessions) else { return }
            _ = try record("agenda add") { try Agenda.decide(Agenda.Add(attendee: attendee, session: session), $0) }
        case 40..<55:
            guard let attendee = pick(attendees), let session = pick(sessions) else { return }
            _ = try record("agenda drop") { try Agenda.decide(Agenda.Drop(attendee: attendee, session: session), $0) }
        case 55..<60: try register()
        case 60..<63:
            guard let attendee = pick(attendees) else { return }
            _ = try record("attendee cancel") { try Attendee.decide(Attendee.Cancel(attendee: attendee, reason: "plans changed"), $0) }
        case 63..<66:
            guard let attendee = pick(attendees) else { return }
            let at = Date(timeIntervalSince1970: 1_791_979_200 + Double(random.below(100_000)))
            _ = try record("attendee check-in") { try Attendee.decide(Attendee.CheckIn(attendee: attendee, at: at), $0) }
        case 66..<68:
            guard let attendee = pick(attendees) else { return }
            let hash = SHA256.hex("reissued-\(next())")
            _ = try record("attendee reissue-link") { try Attendee.decide(Attendee.ReissueLink(attendee: attendee, tokenHash: hash), $0) }
        case 68..<76: try reschedule()
        case 76..<77:
            guard let session = pick(sessions) else { return }
            _ = try record("session cancel") { try Session.decide(Session.Cancel(session: session, reason: "speaker ill"), $0) }
        case 77..<79: try schedule()
        default: try placementStep()
        }
    }

    mutating func reschedule() throws {
        guard let session = pick(sessions) else { return }
        var command = Session.Reschedule(session: session)
        switch random.below(3) {
        case 0:
            command.starts = String(format: "2026-10-%02dT%02d:00", 14 + random.below(3), 8 + random.below(9))
        case 1: command.capacity = 1 + random.below(8)
        default: command.room = "Room \(random.below(8))"
        }
        let reschedule = command
        _ = try record("session reschedule") { try Session.decide(reschedule, $0) }
    }

    mutating func placementStep() throws {
        switch random.below(6) {
        case 0:
            guard let scholar = pick(scholars), let opening = pick(openings) else { return }
            let id = PlacementID("plc_g\(next())")!
            let note: String? = random.below(2) == 0 ? nil : "note \(counter)"
            if try record(
                "placement propose", { try Placement.decide(Placement.Propose(id: id, scholar: scholar, opening: opening, note: note), $0) }
            ) {
                placements.append(id)
            }
        case 1:
            guard let placement = pick(placements) else { return }
            _ = try record("placement approve") { try Placement.decide(Placement.Approve(placement: placement), $0) }
        case 2:
            guard let scholar = pick(scholars) else { return }
            let now = Date(timeIntervalSince1970: 1_780_000_000)
            _ = try record("scholar complete-training") { try Scholar.decide(Scholar.CompleteTraining(scholar: scholar, now: now), $0) }
        case 3:
            guard let placement = pick(placements) else { return }
            _ = try record("placement confirm") { try Placement.decide(Placement.Confirm(placement: placement), $0) }
        case 4:
            guard let placement = pick(placements) else { return }
            let by = ["scholar", "host", "staff"][random.below(3)]
            _ = try record("placement withdraw") {
                try Placement.decide(Placement.Withdraw(placement: placement, reason: "no visa", by: by), $0)
            }
        default:
            guard let placement = pick(placements) else { return }
            _ = try record("placement complete") { try Placement.decide(Placement.Complete(placement: placement, outcome: "shipped"), $0) }
        }
    }
}
