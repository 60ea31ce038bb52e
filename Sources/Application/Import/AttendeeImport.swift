import Domain
import EventStore
import Events
import Foundation

/// Bulk registration (`citylab attendee import`): every row decided by `Attendee.decide`
/// against the edition and the address's claim, accepted rows committed `batchSize` at a
/// time in one append each (each new attendee stream expected at 0, each claim at the
/// version read, the edition unchanged). The claims of a batch are read in one query; a
/// conflict re-reads and re-decides that batch only. Rows already registered are skipped,
/// so running a file again registers nobody twice.
public struct AttendeeImport {
    public let store: EventStore
    public let context: CommandContext
    /// Rows per append: 2,000 rows are 4,000 events in one transaction.
    public var batchSize = 2_000
    /// Tries per batch before `ConflictPersisted` (exit 3).
    public var attempts = 8

    public init(store: EventStore, context: CommandContext) {
        self.store = store
        self.context = context
    }

    /// The report of an import already completed under the context's `--command-id`, if any.
    public func previousReport() throws -> ImportReport? {
        guard let id = context.commandID, let stored = try store.commandResult(id) else { return nil }
        return stored["import"].flatMap(ImportReport.init(json:))
    }

    /// Imports `file` into `conference`. `committed` gets each batch's registrations (with
    /// their tokens) right after it commits; `progress` the rows done so far and the total.
    /// Throws `Rejection` when the edition does not exist (nothing written), `ConflictPersisted`
    /// when a batch keeps conflicting (the batches before it stay committed).
    public func run(
        _ file: ImportFile, into conference: ConferenceID, committed: ([ImportedAttendee]) throws -> Void = { _ in },
        progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws -> ImportReport {
        let started = DispatchTime.now().uptimeNanoseconds
        guard try Conference.fold(store.readStream(.conference(conference)).events.map { try $0.decoded() }).isOpen else {
            throw Rejection(
                "unknown-conference", "there is no edition \(conference)", hint: "open one with 'citylab conference open', or check --conference")
        }
        var report = ImportReport(conference: conference)
        report.rows = file.rows.count
        report.position = try store.head().position
        let plan = ImportPlan(file.rows, conference: conference)
        report.rejected = plan.rejected
        var done = plan.rejected.count
        progress(done, report.rows)
        for first in stride(from: 0, to: plan.candidates.count, by: max(1, batchSize)) {
            let slice = plan.candidates[first..<min(first + max(1, batchSize), plan.candidates.count)]
            let (decision, outcome) = try commit(slice, conference: conference)
            report.accepted += decision.accepted.count
            report.skipped += decision.skipped
            report.rejected += decision.rejected
            if let outcome {
                report.events += decision.events.count
                report.position = outcome.position
                report.batches += 1
                try committed(decision.accepted)
            }
            done += slice.count
            progress(done, report.rows)
        }
        report.rejected.sort { $0.line < $1.line }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let id = context.commandID {
            _ = try store.append(AppendBatch(commandID: id, expectations: [:], events: [], metadata: metadata, result: ["import": report.json]))
        }
        return report
    }

    private var metadata: EventMetadata {
        EventMetadata(actor: context.actor, commandID: context.recordedCommandID, command: "attendee import", source: context.source)
    }

    /// Reads, decides and appends one batch, deciding again on a conflict.
    private func commit(
        _ slice: ArraySlice<ImportPlan.Candidate>, conference: ConferenceID
    ) throws -> (ImportBatchDecision, AppendOutcome?) {
        let edition = StreamName.conference(conference)
        let claimNames = slice.compactMap(\.claim)
        var attempt = 0
        while true {
            attempt += 1
            let streams = try store.readStreams([edition] + claimNames)
            var expectations: [StreamName: Int] = [:]
            var states: [StreamName: [any DomainEvent]] = [:]
            for (name, stream) in streams {
                expectations[name] = stream.version
                states[name] = try stream.events.map { try $0.decoded() }
            }
            let decision = ImportBatchDecision(
                slice, edition: Conference.fold(states[edition] ?? []),
                claims: claimNames.reduce(into: [:]) { $0[$1] = EmailClaim.fold(states[$1] ?? []) },
                newRegistration: { (AttendeeID.make(suffix: RandomID.suffix()), AgendaToken.generate()) })
            guard !decision.events.isEmpty else { return (decision, nil) }
            for registered in decision.accepted { expectations[.attendee(registered.id)] = 0 }
            let batch = AppendBatch(
                commandID: nil, expectations: expectations, events: decision.events, metadata: metadata,
                result: ["conference": .string(conference.rawValue)])
            do {
                return (decision, try store.append(batch))
            } catch EventStoreError.conflict(let message) {
                guard attempt < attempts else {
                    let line = slice.first?.row.line ?? 0
                    throw ConflictPersisted(
                        command: "attendee import (batch from line \(line); earlier batches are committed, run the file again to finish)",
                        attempts: attempt, detail: message)
                }
                Backoff.pause(attempt: attempt)
            }
        }
    }
}
