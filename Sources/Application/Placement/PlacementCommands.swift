import Domain
import EventStore
import Events
import Foundation

/// The Summer Scholars commands: admissions, training, openings and the placement lifecycle.
public enum PlacementCommands {
    public static func admit(_ command: Scholar.Admit, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("scholar admit") { streams in
            let events = try Scholar.decide(command, streams)
            let cohort = events.lazy.compactMap { ($0.event as? ScholarAdmitted)?.cohort }.first ?? command.defaultCohort
            return Decision(
                events: events, id: command.id.rawValue,
                message:
                    "Admitted \(command.name.trimmingCharacters(in: .whitespaces)) (\(command.id)) to the \(cohort) Summer Scholars cohort."
            )
        }
    }

    public static func completeTraining(scholar reference: String, now: Date, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("scholar complete-training") { streams in
            let scholar = try Scholar.resolve(reference, streams)
            let events = try Scholar.decide(Scholar.CompleteTraining(scholar: scholar, now: now), streams)
            return Decision(events: events, id: scholar.rawValue, message: "\(scholar) completed innovation-methods training.")
        }
    }

    public static func createOpening(_ command: Opening.Create, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("opening create") { streams in
            let events = try Opening.decide(command, streams)
            let created = events.lazy.compactMap { $0.event as? OpeningCreated }.first
            return Decision(
                events: events, id: command.id.rawValue,
                message: "Created opening \(command.id): \(command.city) — \(command.host), '\(command.project)', "
                    + "\(created?.seats ?? 1) seat\((created?.seats ?? 1) == 1 ? "" : "s"), cohort \(created?.cohort ?? 0).")
        }
    }

    public static func propose(
        id: PlacementID, scholar reference: String, opening: OpeningID, note: String?, runner: CommandRunner
    ) throws -> CommandOutcome {
        try runner.run("placement propose") { streams in
            let scholar = try Scholar.resolve(reference, streams)
            let events = try Placement.decide(Placement.Propose(id: id, scholar: scholar, opening: opening, note: note), streams)
            return try Decision(
                events: events,
                result: ProposalResult(
                    id: id.rawValue, message: "Proposed \(scholar) for \(opening) as \(id).", scholar: scholar.rawValue,
                    opening: opening.rawValue))
        }
    }

    public static func approve(_ placement: PlacementID, runner: CommandRunner) throws -> CommandOutcome {
        try transition("placement approve", placement, runner, "Approved \(placement); the scholar may now confirm.") { streams in
            try Placement.decide(Placement.Approve(placement: placement), streams)
        }
    }

    public static func confirm(_ placement: PlacementID, runner: CommandRunner) throws -> CommandOutcome {
        try transition("placement confirm", placement, runner, "Confirmed \(placement): it holds a seat in its opening.") { streams in
            try Placement.decide(Placement.Confirm(placement: placement), streams)
        }
    }

    public static func withdraw(_ placement: PlacementID, reason: String, by: String?, runner: CommandRunner) throws -> CommandOutcome {
        try transition("placement withdraw", placement, runner, "Withdrew \(placement).") { streams in
            try Placement.decide(Placement.Withdraw(placement: placement, reason: reason, by: by), streams)
        }
    }

    public static func complete(_ placement: PlacementID, outcome: String, runner: CommandRunner) throws -> CommandOutcome {
        try transition("placement complete", placement, runner, "Completed \(placement).") { streams in
            try Placement.decide(Placement.Complete(placement: placement, outcome: outcome), streams)
        }
    }

    private static func transition(
        _ name: String, _ placement: PlacementID, _ runner: CommandRunner, _ message: String,
        _ decide: @escaping (RecordingReader) throws -> [PendingEvent]
    ) throws -> CommandOutcome {
        try runner.run(name) { streams in Decision(events: try decide(streams), id: placement.rawValue, message: message) }
    }
}
