import Domain
import EventStore
import Events
import Foundation

/// Runs one command: load what the decision reads → decide (pure) → append expecting every
/// stream read unchanged → on a conflict, decide again with fresh state (jittered backoff),
/// within `retry`'s budget. A known command id returns the first run's result untouched.
public struct CommandRunner {
    public let store: EventStore
    public let context: CommandContext
    public var retry = RetryPolicy.standard

    public init(store: EventStore, context: CommandContext) {
        self.store = store
        self.context = context
    }

    /// `decide` is called once per attempt with a fresh reader; it throws `Rejection` to refuse.
    public func run(_ command: String, _ decide: (RecordingReader) throws -> Decision) throws -> CommandOutcome {
        if let id = context.commandID, let stored = try store.commandResult(id) {
            return CommandOutcome(isDuplicate: true, result: stored)
        }
        var attempts = retry.start()
        while true {
            let reader = RecordingReader(store: store)
            let decision = try decide(reader)
            let batch = AppendBatch(
                commandID: context.commandID, expectations: try reader.expectations(for: decision.events),
                events: decision.events,
                metadata: EventMetadata(actor: context.actor, commandID: context.recordedCommandID, command: command, source: context.source),
                result: decision.result)
            do {
                let outcome = try store.append(batch)
                return CommandOutcome(isDuplicate: outcome.isDuplicate, result: outcome.result)
            } catch EventStoreError.conflict(let message) {
                guard attempts.shouldRetry() else { throw ConflictPersisted(command: command, attempts: attempts.count, detail: message) }
            }
        }
    }
}

/// A command still conflicted after every retry (exit 3).
public struct ConflictPersisted: Error, CustomStringConvertible, Sendable {
    public let command: String
    public let attempts: Int
    public let detail: String
    public var description: String { "\(command) kept conflicting with concurrent changes (\(attempts) attempts; last: \(detail))" }
}
