import Domain
import EventStore
import Events

extension AttendeeImport {
    /// What one batch's decision reads: the edition and the batch's email claims, with the
    /// version of each stream (the append expects them unchanged).
    struct BatchReads: Sendable {
        let edition: Conference.State
        let claims: [StreamName: EmailClaim.State]
        let versions: [StreamName: Int]
    }

    /// A batch decided and, when it registers anyone, ready to append.
    struct PreparedBatch: Sendable {
        let decision: ImportBatchDecision
        let append: PreparedAppend?
    }

    /// The edition's and the batch's claim streams, in one query.
    func read(_ slice: ArraySlice<ImportPlan.Candidate>, conference: ConferenceID) throws -> BatchReads {
        let edition = StreamName.conference(conference)
        let streams = try store.readStreams([edition] + slice.compactMap(\.claim))
        var claims: [StreamName: EmailClaim.State] = [:]
        var versions: [StreamName: Int] = [:]
        for (name, stream) in streams where name != edition {
            claims[name] = EmailClaim.fold(try stream.events.map { try $0.decoded() })
            versions[name] = stream.version
        }
        versions[edition] = streams[edition]?.version ?? 0
        let state = Conference.fold(try streams[edition]?.events.map { try $0.decoded() } ?? [])
        return BatchReads(edition: state, claims: claims, versions: versions)
    }

    /// Decides the batch (fresh ids and tokens) and prepares its append: each new attendee
    /// stream expected at 0, every stream read at its version. Pure apart from randomness.
    static func prepare(
        _ slice: ArraySlice<ImportPlan.Candidate>, _ reads: BatchReads, conference: ConferenceID, metadata: EventMetadata
    ) throws -> PreparedBatch {
        let decision = ImportBatchDecision(
            slice, edition: reads.edition, claims: reads.claims,
            newRegistration: { (AttendeeID.make(suffix: RandomID.suffix()), AgendaToken.generate()) })
        guard !decision.events.isEmpty else { return PreparedBatch(decision: decision, append: nil) }
        var expectations = reads.versions
        for registered in decision.accepted { expectations[.attendee(registered.id)] = 0 }
        let batch = AppendBatch(
            commandID: nil, expectations: expectations, events: decision.events, metadata: metadata,
            result: ["conference": .string(conference.rawValue)])
        return PreparedBatch(decision: decision, append: try PreparedAppend(batch))
    }

    /// Appends a prepared batch; on a conflict (someone registered one of its addresses, or
    /// an id collided) reads, decides and appends it again. Returns what committed and its position.
    func commit(
        _ prepared: PreparedBatch, _ slice: ArraySlice<ImportPlan.Candidate>, conference: ConferenceID
    ) throws -> (PreparedBatch, position: Int64?) {
        var prepared = prepared
        var attempts = retry.start()
        while true {
            guard let append = prepared.append else { return (prepared, nil) }
            do {
                return (prepared, try store.append(append))
            } catch EventStoreError.conflict(let message) {
                guard attempts.shouldRetry() else {
                    let line = slice.first?.row.line ?? 0
                    throw ConflictPersisted(
                        command: "attendee import (batch from line \(line); earlier batches are committed, run the file again to finish)",
                        attempts: attempts.count, detail: message)
                }
                prepared = try Self.prepare(
                    slice, try read(slice, conference: conference), conference: conference, metadata: try metadata())
            }
        }
    }
}
