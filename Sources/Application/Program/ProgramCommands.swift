import Domain
import EventStore
import Events
import Foundation

/// The program's commands (sessions and agendas) as the CLI and the sample loader run them.
public enum ProgramCommands {
    public static func schedule(_ command: Session.Schedule, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("session schedule") { streams in
            let events = try Session.decide(command, streams)
            // The decision always schedules; the summary reads what it decided.
            guard let scheduled = events.lazy.compactMap({ $0.event as? SessionScheduled }).first else {
                return Decision(events: events, id: command.id.rawValue, message: "Scheduled \(command.id).")
            }
            return try Decision(events: events, result: SessionSummary.scheduled(scheduled, try Edition.load(command.conference, streams)))
        }
    }

    public static func reschedule(_ command: Session.Reschedule, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("session reschedule") { streams in
            let events = try Session.decide(command, streams)
            let before = try streams.state(Session.self, .session(command.session))
            // The decision refuses a session never scheduled, so `scheduled` is there.
            guard let conference = before.scheduled?.conference else {
                return Decision(events: events, id: command.session.rawValue, message: "Changed \(command.session).")
            }
            var result = SessionSummary.rescheduled(events, before: before, try Edition.load(conference, streams))
            let notes = notes(events, streams)
            result.notes = notes.isEmpty ? nil : notes
            return try Decision(events: events, result: result)
        }
    }

    public static func cancel(_ command: Session.Cancel, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("session cancel") { streams in
            let events = try Session.decide(command, streams)
            let title = try streams.state(Session.self, .session(command.session)).title
            let left = EventNotes.count(SessionLeft.self, in: events)
            return Decision(
                events: events, id: command.session.rawValue,
                message: "Cancelled '\(title)' (\(command.session)); it left \(left) agenda\(left == 1 ? "" : "s").")
        }
    }

    /// `agenda add`: a seat when one is free, else a waitlist place (its position is in the result).
    public static func add(attendee reference: String, session: SessionID, conference: ConferenceID, runner: CommandRunner) throws
        -> CommandOutcome
    {
        try runner.run("agenda add") { streams in
            let attendee = try References.attendee(reference, conference: conference, streams)
            let events = try Agenda.decide(Agenda.Add(attendee: attendee, session: session), streams)
            let title = try streams.state(Session.self, .session(session)).title
            let waitlisted = events.lazy.compactMap { $0.event as? Waitlisted }.first { $0.attendee == attendee }
            let result: EnrollmentResult
            if let waitlisted {
                result = EnrollmentResult(
                    message: "'\(title)' is full: \(attendee) is on its waitlist at position \(waitlisted.position).",
                    attendee: attendee.rawValue, session: session.rawValue, status: .waitlisted, waitlistPosition: waitlisted.position,
                    notes: notes(events, streams))
            } else {
                result = EnrollmentResult(
                    message: "\(attendee) has a seat in '\(title)' (\(session)).", attendee: attendee.rawValue, session: session.rawValue,
                    status: .seat, notes: notes(events, streams))
            }
            return try Decision(events: events, result: result)
        }
    }

    public static func drop(attendee reference: String, session: SessionID, conference: ConferenceID, runner: CommandRunner) throws
        -> CommandOutcome
    {
        try runner.run("agenda drop") { streams in
            let attendee = try References.attendee(reference, conference: conference, streams)
            let events = try Agenda.decide(Agenda.Drop(attendee: attendee, session: session), streams)
            let title = try streams.state(Session.self, .session(session)).title
            return try Decision(
                events: events,
                result: EnrollmentResult(
                    message: "\(attendee) left '\(title)' (\(session)).", attendee: attendee.rawValue, session: session.rawValue,
                    notes: notes(events, streams)))
        }
    }

    /// The side-effect notes of a decision, for a result's `notes`.
    static func notes(_ events: [PendingEvent], _ streams: some StreamReader) -> [String] {
        EventNotes.sideEffects(events) { id in (try? streams.state(Session.self, .session(id)).title) ?? id.rawValue }
    }
}
