import Domain
import EventStore
import Events

/// One append of the sample: many decisions of one kind (`command`, as the events' metadata
/// records it) by one person (`actor`, see `SampleActors`) under one deterministic command id,
/// so a step commits once and a second load skips it.
struct SampleStep {
    let name: String
    let command: String
    let actor: String
    let note: String
    let decide: (SampleStepReader) throws -> Void
}

/// Runs the sample's steps through the deciders and `EventStore.append`: each step reads what
/// its decisions read, decides them one after another, and appends all their events at once,
/// expecting every stream it read unchanged. On a conflict it forgets what it knew and decides
/// the step again; a step whose command id committed before is skipped.
struct SampleRunner {
    let log: SampleLog
    let context: CommandContext
    let seed: UInt64
    var retry = RetryPolicy.standard

    func commandID(_ step: String) -> String { "sample-\(seed)-\(step)" }

    func isCommitted(_ step: String) throws -> Bool {
        let rows = try log.store.connection.query("SELECT 1 AS done FROM commands WHERE command_id = $1", [commandID(step)])
        return !rows.rows.isEmpty
    }

    /// The events the step appended (0 when it had committed before). A refusal names the step.
    func run(_ step: SampleStep, progress: (String) -> Void) throws -> Int {
        if try isCommitted(step.name) { return 0 }
        progress(step.note)
        let id = commandID(step.name)
        var attempts = retry.start()
        while true {
            let reader = SampleStepReader(log: log)
            do {
                try step.decide(reader)
            } catch let rejection as Rejection {
                throw Rejection(
                    rejection.rule, "the sample could not be loaded (\(step.name)): \(rejection.message)",
                    hint: "load the sample into a database of its own, e.g. a new embedded cluster (CITYLAB_HOME=…)")
            }
            let batch = AppendBatch(
                commandID: id, expectations: reader.versions, events: reader.events,
                metadata: try log.store.authenticated(
                    EventMetadata(actor: step.actor, commandID: id, command: step.command, source: context.source)),
                result: ["id": .string(id), "message": .string(step.note)])
            do {
                _ = try log.store.append(try PreparedAppend(batch))
                log.committed(reader)
                return reader.events.count
            } catch EventStoreError.conflict(let message) {
                log.forget()
                if try isCommitted(step.name) { return 0 }
                guard attempts.shouldRetry() else {
                    throw ConflictPersisted(command: "sample load (\(step.name))", attempts: attempts.count, detail: message)
                }
            }
        }
    }
}
