import EventStore
import Events
import Foundation

/// `citylab-bench codec`: the CPU cost of what every append and every audit does per event —
/// canonical JSON encoding (our Encoder, beside Foundation's JSONEncoder), canonicalizing stored
/// JSON, SHA-256, preparing a one-event append — beside decoding with Foundation's JSONDecoder.
enum CodecBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = arguments.contains("--quick") ? 2_000 : 20_000
        let payload = AttendeeRegistered(
            attendee: AttendeeID("att_bench0001")!, conference: ConferenceID("citylab-2026")!, name: "Ana Gómez",
            email: "ana@example.org", role: "mayor", organization: "Alcaldía de Bogotá", city: "Bogotá",
            tokenHash: String(repeating: "ab", count: 32))
        let text = try CanonicalJSON.encode(payload)
        let bytes = Array(text.utf8)
        let foundation = JSONEncoder()
        let decoder = JSONDecoder()
        let meta = EventMetadata(actor: "bench", commandID: "", command: "bench")
        let stream = StreamName("bench-1")

        let encode = try Report.time { for _ in 0..<count { _ = try CanonicalJSON.encode(payload) } }
        let jsonEncoder = try Report.time { for _ in 0..<count { _ = try foundation.encode(payload) } }
        let canonicalize = try Report.time { for _ in 0..<count { _ = try CanonicalJSON.canonicalize(text) } }
        let sha = Report.time { for _ in 0..<count { _ = SHA256.hash(bytes) } }
        let prepare = try Report.time {
            for _ in 0..<count {
                _ = try PreparedAppend(
                    AppendBatch(commandID: nil, expectations: [stream: 0], events: [PendingEvent(stream, payload)], metadata: meta),
                    summarize: true)
            }
        }
        // A 100-event batch with a command id: what an append does before and after its round trips.
        let batches = count / 100
        let batch = AppendBatch(
            commandID: "cmd-1", expectations: [stream: 0], events: Array(repeating: PendingEvent(stream, payload), count: 100),
            metadata: meta)
        let prepareBatch = try Report.time {
            for _ in 0..<batches {
                let prepared = try PreparedAppend(batch, summarize: true)
                _ = prepared.outcome(lastPosition: 100)
            }
        }
        let decode = try Report.time { for _ in 0..<count { _ = try decoder.decode(AttendeeRegistered.self, from: Data(text.utf8)) } }
        Report.header("codec: \(count) payloads of \(bytes.count) bytes")
        Report.row(
            "CanonicalJSON.encode", Double(count) / encode, "/s", baseline: Double(count) / jsonEncoder, target: "(baseline: JSONEncoder)")
        Report.row(
            "CanonicalJSON.canonicalize", Double(count) / canonicalize, "/s", baseline: Double(count) / decode,
            target: "(baseline: JSONDecoder)")
        Report.row("SHA256.hash", Double(count) / sha, "/s", baseline: Double(count) / decode, target: "(baseline: JSONDecoder)")
        Report.row(
            "PreparedAppend, one event", Double(count) / prepare, "/s", baseline: Double(count) / decode, target: "(baseline: JSONDecoder)")
        Report.row(
            "prepare + outcome, 100 events", Double(batches * 100) / prepareBatch, "ev/s", baseline: Double(count) / decode,
            target: "(baseline: JSONDecoder)")
    }
}
