import Domain
import EventStore
import Events
import Foundation

/// Runs one command: load what the decision reads → decide (pure) → append expecting every
/// stream read unchanged → on a conflict, decide again with fresh state (jittered backoff),
/// within `retry`'s budget. A known command id returns the first run's result untouched when
/// it was used for the same command with the same arguments, and is refused (usage) otherwise.
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
            return try replay(stored, command: command, commandID: id)
        }
        var attempts = retry.start()
        while true {
            let reader = RecordingReader(store: store)
            let decision = try decide(reader)
            let batch = AppendBatch(
                commandID: context.commandID, expectations: try reader.expectations(for: decision.events),
                events: decision.events,
                metadata: EventMetadata(
                    actor: context.actor, commandID: context.recordedCommandID, command: command, source: context.source,
                    login: try store.login()),
                result: stamped(decision.result, command: command))
            do {
                let outcome = try store.append(batch)
                if outcome.isDuplicate, let id = context.commandID { return try replay(outcome.result, command: command, commandID: id) }
                return CommandOutcome(isDuplicate: false, result: CommandStamp.removed(from: outcome.result))
            } catch EventStoreError.conflict(let message) {
                guard attempts.shouldRetry() else { throw ConflictPersisted(command: command, attempts: attempts.count, detail: message) }
            }
        }
    }
}

extension CommandRunner {
    /// The result to store: with a command id, stamped with the command and its arguments.
    func stamped(_ result: [String: JSONValue], command: String) -> [String: JSONValue] {
        guard context.commandID != nil else { return result }
        var result = result
        result[CommandStamp.key] = CommandStamp(name: command, arguments: context.arguments).json
        return result
    }

    /// An earlier run's result for this command id: replayed when it was this same command,
    /// refused when the id was used for another one (nothing is written either way).
    func replay(_ stored: JSONValue, command: String, commandID: String) throws -> CommandOutcome {
        if let first = CommandStamp(stored[CommandStamp.key]), !first.matches(name: command, arguments: context.arguments) {
            throw AppError.usage(
                "command id \(commandID) was already used for '\(first.name)' with other arguments",
                hint: "use a new --command-id; repeating the first command exactly prints its result")
        }
        return CommandOutcome(isDuplicate: true, result: CommandStamp.removed(from: stored))
    }
}

/// A command still conflicted after every retry (exit 3).
public struct ConflictPersisted: Error, CustomStringConvertible, Sendable {
    public let command: String
    public let attempts: Int
    public let detail: String
    public var description: String { "\(command) kept conflicting with concurrent changes (\(attempts) attempts; last: \(detail))" }
}
