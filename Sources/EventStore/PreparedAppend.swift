import Events
import Postgres

/// An `AppendBatch` made ready for the store: each event numbered in its stream from the
/// expected versions, payloads and metadata in canonical JSON. Building one is pure and costly
/// for big batches, so it can run on another thread while the store appends the previous one.
public struct PreparedAppend: Sendable {
    public let count: Int
    let commandID: String?
    /// Streams the decision read without writing them, with the versions it read, as array
    /// literals (`{"session-ses_1"}`, `{3}`): the store checks these; a written stream that
    /// moved is caught by its (stream, version) index.
    let readStreams: String, readVersions: String
    /// One element per event. None of the texts holds a newline (checked here): both paths
    /// send them one per line.
    let streams: [String], versions: [Int], types: [String], schemas: [Int]
    /// The payloads in canonical JSON, encoded here, before the append takes the head lock.
    let data: [String]
    let meta: String, result: String?
    /// The batch's result members (`id`, …): `result` and `outcome` add `events` when
    /// `summarized`, and the position.
    let resultMembers: [String: JSONValue]
    let summarized: Bool

    /// Throws `EventStoreError.unexpectedStream` for an event whose stream has no expectation.
    /// `summarize` puts each event's type, stream and version in the stored result (a single
    /// command's few events; a bulk append's would be megabytes).
    public init(_ batch: AppendBatch, summarize: Bool = false) throws {
        var next = batch.expectations
        let count = batch.events.count
        var streams: [String] = []
        var versions: [Int] = []
        var types: [String] = []
        var schemas: [Int] = []
        var data: [String] = []
        streams.reserveCapacity(count)
        versions.reserveCapacity(count)
        types.reserveCapacity(count)
        schemas.reserveCapacity(count)
        data.reserveCapacity(count)
        for pending in batch.events {
            guard let current = next[pending.stream] else { throw EventStoreError.unexpectedStream(pending.stream) }
            next[pending.stream] = current + 1
            let type = Swift.type(of: pending.event)
            try Self.checkLine(pending.stream.rawValue, "stream name")
            try Self.checkLine(type.eventType, "event type")
            let payload = try pending.canonicalData()
            try Self.checkLine(payload, "payload")
            data.append(payload)
            streams.append(pending.stream.rawValue)
            versions.append(current + 1)
            types.append(type.eventType)
            schemas.append(type.schema)
        }
        // A stream whose next version did not move was only read.
        let readOnly = batch.expectations.filter { next[$0.key] == $0.value }.sorted { $0.key < $1.key }
        self.count = count
        commandID = batch.commandID
        readStreams = readOnly.isEmpty ? "{}" : Self.arrayLiteral(readOnly.map(\.key.rawValue))
        readVersions = Self.integerLiteral(readOnly.map(\.value))
        (self.streams, self.versions, self.types, self.schemas, self.data) = (streams, versions, types, schemas, data)
        meta = batch.metadata.canonicalText
        summarized = summarize
        resultMembers = batch.result
        // Stored only for a command id; without one the store never reads it. Spelled straight
        // from the arrays: a 100-event batch's summary as JSONValues cost more than its hashing.
        if batch.commandID == nil {
            result = nil
        } else if summarize {
            result = CanonicalJSON.string(batch.result, adding: "events", canonical: Self.summaryText(streams, types, versions))
        } else {
            result = CanonicalJSON.string(.object(batch.result))
        }
    }

    /// Batches of this many events or more are hashed here and sent to `citylab_append_rows`
    /// (`EventStore.batchAppend`); smaller ones go through `citylab_append` in one round trip.
    static let batchThreshold = 32

    /// What the append answers once committed with its last event at `lastPosition`.
    /// Summarized, each event is listed with its type, stream, version and position.
    public func outcome(lastPosition: Int64) -> AppendOutcome {
        var members = resultMembers
        members["position"] = .int(lastPosition)
        if summarized {
            let first = lastPosition - Int64(count) + 1
            var events: [JSONValue] = []
            events.reserveCapacity(count)
            for index in 0..<count {
                events.append(
                    .object([
                        "position": .int(first + Int64(index)), "stream": .string(streams[index]), "type": .string(types[index]),
                        "version": .int(Int64(versions[index])),
                    ]))
            }
            members["events"] = .array(events)
        }
        return AppendOutcome(isDuplicate: false, result: .object(members))
    }

    /// `[{"stream":…,"type":…,"version":…},…]` in canonical JSON (keys in byte order).
    static func summaryText(_ streams: [String], _ types: [String], _ versions: [Int]) -> String {
        var text = "["
        text.reserveCapacity(streams.count * 72 + 2)
        var quotedStream = (plain: "", quoted: "\"\"")
        var quotedType = (plain: "", quoted: "\"\"")
        for index in streams.indices {
            if streams[index] != quotedStream.plain { quotedStream = (streams[index], CanonicalJSON.quoted(streams[index])) }
            if types[index] != quotedType.plain { quotedType = (types[index], CanonicalJSON.quoted(types[index])) }
            if index > 0 { text += "," }
            text += "{\"stream\":"
            text += quotedStream.quoted
            text += ",\"type\":"
            text += quotedType.quoted
            text += ",\"version\":"
            text += String(versions[index])
            text += "}"
        }
        text += "]"
        return text
    }

    /// A newline would split one event's value into two lines.
    private static func checkLine(_ value: String, _ what: String) throws {
        var value = value
        let hasNewline = value.withUTF8 { bytes in
            for byte in bytes where byte == UInt8(ascii: "\n") { return true }
            return false
        }
        if hasNewline { throw EventStoreError.newline(what) }
    }

    static func arrayLiteral(_ texts: [String]) -> String {
        guard case .text(let literal) = texts.postgresValue else { return "{}" }
        return literal
    }

    static func integerLiteral(_ values: [Int]) -> String {
        "{" + values.map { String($0) }.joined(separator: ",") + "}"
    }
}
