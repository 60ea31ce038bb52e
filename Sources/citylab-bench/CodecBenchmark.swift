import EventStore
import Events
import Foundation

/// `citylab-bench codec`: the CPU cost of what every append and every audit does per event —
/// canonical JSON encoding, canonicalizing stored JSON, SHA-256 — beside decoding with Foundation's JSONDecoder.
enum CodecBenchmark {
    static func run(_ arguments: [String]) throws {
        let count = arguments.contains("--quick") ? 2_000 : 20_000
        let payload = AttendeeRegistered(
            attendee: AttendeeID("att_bench0001")!, conference: ConferenceID("citylab-2026")!, name: "Ana Gómez",
            email: "ana@example.org", role: "mayor", organization: "Alcaldía de Bogotá", city: "Bogotá", tokenHash: String(repeating: "ab", count: 32))
        let text = try CanonicalJSON.encode(payload)
        let encode = try Report.time { for _ in 0..<count { _ = try CanonicalJSON.encode(payload) } }
        let canonicalize = try Report.time { for _ in 0..<count { _ = try CanonicalJSON.canonicalize(text) } }
        let bytes = Array(text.utf8)
        let sha = Report.time { for _ in 0..<count { _ = SHA256.hash(bytes) } }
        let decoder = JSONDecoder()
        let decode = try Report.time { for _ in 0..<count { _ = try decoder.decode(AttendeeRegistered.self, from: Data(text.utf8)) } }
        let meta = EventMetadata(actor: "bench", commandID: "", command: "bench")
        let stream = StreamName("bench-1")
        let prep = try Report.time { for _ in 0..<count { _ = try PreparedAppend(AppendBatch(commandID: nil, expectations: [stream: 0], events: [PendingEvent(stream, payload)], metadata: meta), summarize: true) } }
        let c0 = Memory.cpuSeconds()
        for _ in 0..<count { _ = try CanonicalJSON.encode(payload) }
        let c1 = Memory.cpuSeconds()
        for _ in 0..<count { _ = try CanonicalJSON.encodeSlowly(payload) }
        let c2 = Memory.cpuSeconds()
        let je = JSONEncoder()
        for _ in 0..<count { _ = try je.encode(payload) }
        let c3 = Memory.cpuSeconds()
        print(String(format: "cpu µs: encode %.2f, slowly %.2f, JSONEncoder %.2f", (c1 - c0) * 1e6 / Double(count), (c2 - c1) * 1e6 / Double(count), (c3 - c2) * 1e6 / Double(count)))
        let metaTime = Report.time { for _ in 0..<count { _ = meta.canonicalText } }
        let batchTime = Report.time { for _ in 0..<count { _ = AppendBatch(commandID: nil, expectations: [stream: 0], events: [PendingEvent(stream, payload)], metadata: meta) } }
        print(String(format: "PreparedAppend %.1f µs, meta %.1f µs, batch %.1f µs", prep * 1e6 / Double(count), metaTime * 1e6 / Double(count), batchTime * 1e6 / Double(count)))
        Report.header("codec: \(count) payloads of \(bytes.count) bytes")
        Report.row("CanonicalJSON.encode", Double(count) / encode, "/s", baseline: Double(count) / decode, target: "(baseline: JSONDecoder)")
        Report.row("CanonicalJSON.canonicalize", Double(count) / canonicalize, "/s", baseline: Double(count) / decode, target: "")
        Report.row("SHA256.hash", Double(count) / sha, "/s", baseline: Double(count) / decode, target: "")
    }
}
