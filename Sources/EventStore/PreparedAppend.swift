import Events

/// An `AppendBatch` made ready for `citylab_append`: each event numbered in its stream from
/// the expected versions, payloads and metadata in canonical JSON. Building one is pure and
/// costly for big batches, so it can run on another thread while the store appends the previous one.
public struct PreparedAppend: Sendable {
    public let count: Int
    let commandID: String?
    let expectedStreams: [String], expectedVersions: [Int]
    let streams: [String], versions: [Int], types: [String], schemas: [Int], data: [String]
    let meta: String, result: String

    /// Throws `EventStoreError.unexpectedStream` for an event whose stream has no expectation.
    public init(_ batch: AppendBatch) throws {
        var next = batch.expectations
        var versions: [Int] = []
        versions.reserveCapacity(batch.events.count)
        for pending in batch.events {
            guard let current = next[pending.stream] else { throw EventStoreError.unexpectedStream(pending.stream) }
            next[pending.stream] = current + 1
            versions.append(current + 1)
        }
        let expected = batch.expectations.sorted { $0.key < $1.key }
        count = batch.events.count
        commandID = batch.commandID
        (expectedStreams, expectedVersions) = (expected.map(\.key.rawValue), expected.map(\.value))
        (streams, self.versions) = (batch.events.map(\.stream.rawValue), versions)
        types = batch.events.map { type(of: $0.event).eventType }
        schemas = batch.events.map { type(of: $0.event).schema }
        data = try batch.events.map { try $0.canonicalData() }
        meta = try CanonicalJSON.encode(batch.metadata)
        result = CanonicalJSON.string(.object(batch.result))
    }
}
