import Events

/// An `AppendBatch` made ready for `citylab_append`: each event numbered in its stream from
/// the expected versions, payloads and metadata in canonical JSON. Building one is pure and
/// costly for big batches, so it can run on another thread while the store appends the previous one.
public struct PreparedAppend: Sendable {
    public let count: Int
    let commandID: String?
    /// Streams the decision read without writing them, with the versions it read: the store
    /// checks these; a written stream that moved is caught by its (stream, version) index.
    let readStreams: [String], readVersions: [Int]
    let streams: [String], versions: [Int], types: [String], schemas: [Int], data: [String]
    let meta: String, result: String?
    /// The result to store for the command id (with `events` when summarized, positions not yet known).
    let resultMembers: [String: JSONValue]

    /// Throws `EventStoreError.unexpectedStream` for an event whose stream has no expectation.
    /// `summarize` puts each event's type, stream and version in the stored result (a single
    /// command's few events; a bulk append's would be megabytes).
    public init(_ batch: AppendBatch, summarize: Bool = false) throws {
        var next = batch.expectations
        var versions: [Int] = []
        versions.reserveCapacity(batch.events.count)
        for pending in batch.events {
            guard let current = next[pending.stream] else { throw EventStoreError.unexpectedStream(pending.stream) }
            next[pending.stream] = current + 1
            versions.append(current + 1)
        }
        let written = Set(batch.events.map(\.stream))
        let readOnly = batch.expectations.filter { !written.contains($0.key) }.sorted { $0.key < $1.key }
        count = batch.events.count
        commandID = batch.commandID
        (readStreams, readVersions) = (readOnly.map(\.key.rawValue), readOnly.map(\.value))
        (streams, self.versions) = (batch.events.map(\.stream.rawValue), versions)
        types = batch.events.map { type(of: $0.event).eventType }
        schemas = batch.events.map { type(of: $0.event).schema }
        data = try batch.events.map { try $0.canonicalData() }
        meta = batch.metadata.canonicalText
        var members = batch.result
        if summarize {
            var summary: [JSONValue] = []
            summary.reserveCapacity(count)
            for index in 0..<count {
                summary.append(
                    .object(["type": .string(types[index]), "stream": .string(streams[index]), "version": .int(Int64(versions[index]))]))
            }
            members["events"] = .array(summary)
        }
        resultMembers = members
        // Stored only for a command id; without one the store never reads it.
        result = batch.commandID == nil ? nil : CanonicalJSON.string(.object(members))
    }
}
