import Domain
import EventStore
import Events
import Foundation

/// A registration's lifecycle after `register`: cancel, check-in, a new agenda link.
public enum LifecycleCommands {
    public static func cancel(attendee reference: String, reason: String?, conference: ConferenceID, runner: CommandRunner) throws
        -> CommandOutcome
    {
        try runner.run("attendee cancel") { streams in
            let attendee = try References.attendee(reference, conference: conference, streams)
            let events = try Attendee.decide(Attendee.Cancel(attendee: attendee, reason: reason), streams)
            let freed = EventNotes.count(SeatReleased.self, in: events)
            let promoted = EventNotes.count(PromotedFromWaitlist.self, in: events)
            return try Decision(
                events: events,
                result: NotedSummary(
                    id: attendee.rawValue,
                    message:
                        "Cancelled \(attendee)'s registration: \(freed) seat\(freed == 1 ? "" : "s") freed, \(promoted) moved up from waitlists.",
                    notes: ProgramCommands.notes(events, streams)))
        }
    }

    public static func checkIn(attendee reference: String, at now: Date, conference: ConferenceID, runner: CommandRunner) throws
        -> CommandOutcome
    {
        try runner.run("attendee check-in") { streams in
            let attendee = try References.attendee(reference, conference: conference, streams)
            let events = try Attendee.decide(Attendee.CheckIn(attendee: attendee, at: now), streams)
            let name = try streams.state(Attendee.self, .attendee(attendee)).registration?.name ?? attendee.rawValue
            return Decision(events: events, id: attendee.rawValue, message: "Checked in \(name) (\(attendee)).")
        }
    }

    /// Records a new token's hash; the caller shows the token once.
    public static func reissueLink(attendee reference: String, tokenHash: String, conference: ConferenceID, runner: CommandRunner) throws
        -> CommandOutcome
    {
        try runner.run("attendee reissue-link") { streams in
            let attendee = try References.attendee(reference, conference: conference, streams)
            let events = try Attendee.decide(Attendee.ReissueLink(attendee: attendee, tokenHash: tokenHash), streams)
            return Decision(events: events, id: attendee.rawValue, message: "New agenda link for \(attendee); the old one no longer works.")
        }
    }
}
