import Domain
import EventStore
import Events
import Foundation

/// Bulk registration (`citylab attendee import`): every row decided by `Attendee.decide`
/// against the edition and the address's claim, accepted rows committed `batchSize` at a
/// time in one append each (each new attendee stream expected at 0, each claim at the
/// version read, the edition unchanged). The claims of a batch are read in one query; a
/// conflict re-reads and re-decides that batch only. Rows already registered are skipped,
/// so running a file again registers nobody twice. Pipelined: while one batch is appended,
/// the next is decided and encoded on a worker thread (its streams were read just before).
public struct AttendeeImport {
    public let store: EventStore
    public let context: CommandContext
    /// Rows per append (two events each), one transaction per batch.
    public var batchSize = AttendeeImport.defaultBatchSize
    public static let defaultBatchSize = 2_000
    /// How long a batch is decided again after conflicts before `ConflictPersisted` (exit 3).
    public var retry = RetryPolicy.standard

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
                "unknown-conference", "there is no edition \(conference)",
                hint: "open one with 'citylab conference open', or check --conference")
        }
        var report = ImportReport(conference: conference)
        report.rows = file.rows.count
        report.position = try store.head().position
        let plan = ImportPlan(file.rows, conference: conference)
        report.rejected = plan.rejected
        var done = plan.rejected.count
        progress(done, report.rows)
        let size = max(1, batchSize)
        let slices = stride(from: 0, to: plan.candidates.count, by: size).map {
            plan.candidates[$0..<min($0 + size, plan.candidates.count)]
        }
        let metadata = try self.metadata()
        var next = try slices.first.map {
            try Self.prepare($0, try read($0, conference: conference), conference: conference, metadata: metadata)
        }
        for (index, slice) in slices.enumerated() {
            guard let current = next else { break }
            // Pipelined: read the next batch now, while the connection is free, and decide it
            // on a worker while this batch is appended.
            var worker: ImportWorker<PreparedBatch>?
            if index + 1 < slices.count {
                let (following, reads) = (slices[index + 1], try read(slices[index + 1], conference: conference))
                worker = ImportWorker { try Self.prepare(following, reads, conference: conference, metadata: metadata) }
            }
            let (appended, position) = try commit(current, slice, conference: conference)
            let decision = appended.decision
            report.accepted += decision.accepted.count
            report.skipped += decision.skipped
            report.rejected += decision.rejected
            if let position {
                report.events += decision.events.count
                report.position = position
                report.batches += 1
                try committed(decision.accepted)
            }
            done += slice.count
            progress(done, report.rows)
            next = try worker?.wait()
        }
        report.rejected.sort { $0.line < $1.line }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let id = context.commandID {
            _ = try store.append(
                AppendBatch(commandID: id, expectations: [:], events: [], metadata: metadata, result: ["import": report.json]))
        }
        return report
    }

    /// What every batch records: the actor on whose behalf, and the connection's login.
    func metadata() throws -> EventMetadata {
        try store.authenticated(
            EventMetadata(actor: context.actor, commandID: context.recordedCommandID, command: "attendee import", source: context.source))
    }
}
