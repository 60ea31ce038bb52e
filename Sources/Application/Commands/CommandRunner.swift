import Domain
import EventStore
import Events
import Foundation

/// Runs one command: load what the decision reads → decide (pure) → append expecting every
/// stream read unchanged → on a conflict, decide again with fresh state (jittered backoff),
/// up to `attempts` times. A known command id returns the first run's result untouched.
public struct CommandRunner {
    public let store: EventStore
    public let context: CommandContext
    public var attempts = 8

    public init(store: EventStore, context: CommandContext) {
        self.store = store
        self.context = context
    }

    /// `decide` is called once per attempt with a fresh reader; it throws `Rejection` to refuse.
    public func run(_ command: String, _ decide: (RecordingReader) throws -> Decision) throws -> CommandOutcome {
        if let id = context.commandID, let stored = try store.commandResult(id) {
            return CommandOutcome(isDuplicate: true, result: stored)
        }
        var attempt = 0
        while true {
            attempt += 1
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
                guard attempt < attempts else { throw ConflictPersisted(command: command, attempts: attempt, detail: message) }
                Backoff.pause(attempt: attempt)
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

/// Jittered exponential backoff between retries (a blocking pause: the CLI's main thread).
enum Backoff {
    static func pause(attempt: Int) {
        let ceiling = min(200_000, 2_000 << min(attempt, 7))
        usleep(UInt32(Int.random(in: ceiling / 4...ceiling)))
    }
}
