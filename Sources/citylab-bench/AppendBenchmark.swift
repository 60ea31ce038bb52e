import Application
import EventStore
import Events
import Foundation
import Postgres

/// `citylab-bench append`: events/s through the event store (head lock, expectations, hash
/// chain, command record, NOTIFY) beside the same rows inserted as plain SQL on the same
/// connection, for single-event appends and 100-event batches. Rounds alternate, medians reported,
/// with this process's CPU per event (the client's share). `--quick`: fewer appends;
/// `--batches`: only the 100-event rounds. A 100-event batch takes the batch path
/// (events/README.md, "How an append reaches the log").
enum AppendBenchmark {
    static func run(_ arguments: [String]) throws {
        let quick = arguments.contains("--quick")
        let singles = quick ? 300 : 2_000
        let batches = quick ? 20 : 100
        let rounds = 3
        let database = try BenchDatabase(name: "append")
        defer { database.stop() }
        let connection = try Connection(database.url)
        defer { connection.close() }
        try connection.simpleQuery(
            """
            CREATE TABLE plain_events (LIKE events INCLUDING ALL);
            """)
        let store = EventStore(connection)
        let meta = EventMetadata(actor: "bench", commandID: "", command: "bench")
        let payload = AttendeeRegistered(
            attendee: AttendeeID("att_bench0001")!, conference: ConferenceID("citylab-2026")!, name: "Ana Gómez",
            email: "ana@example.org", role: "mayor", organization: "Alcaldía de Bogotá", city: "Bogotá",
            tokenHash: String(repeating: "ab", count: 32))
        let data = try CanonicalJSON.encode(payload)
        let metaText = try CanonicalJSON.encode(meta)
        var plainPosition: Int64 = 0
        var streamCounter = 0

        /// A command as the CLI runs it: without `--command-id` no command record is written.
        func storeSingles() throws {
            for _ in 0..<singles {
                streamCounter += 1
                let stream = StreamName("bench-\(streamCounter)")
                _ = try store.append(
                    AppendBatch(commandID: nil, expectations: [stream: 0], events: [PendingEvent(stream, payload)], metadata: meta))
            }
        }
        /// The same with a command id each (`--command-id`: the idempotency record too).
        func storeSinglesWithID() throws {
            for _ in 0..<singles {
                streamCounter += 1
                let stream = StreamName("bench-\(streamCounter)")
                _ = try store.append(
                    AppendBatch(
                        commandID: "cmd-\(streamCounter)", expectations: [stream: 0], events: [PendingEvent(stream, payload)],
                        metadata: meta))
            }
        }
        func plainSingles() throws {
            for _ in 0..<singles {
                plainPosition += 1
                try connection.execute(
                    "INSERT INTO plain_events (position, stream, version, type, schema, data, meta, recorded_at, hash) VALUES ($1, $2, 1, 'AttendeeRegistered', 1, $3::jsonb, $4::jsonb, now(), $5)",
                    [plainPosition, "plain-\(plainPosition)", data, metaText, Bytea([UInt8](repeating: 7, count: 32))])
            }
        }
        func storeBatches() throws {
            for _ in 0..<batches {
                streamCounter += 1
                let stream = StreamName("bench-\(streamCounter)")
                _ = try store.append(
                    AppendBatch(
                        commandID: "cmd-\(streamCounter)", expectations: [stream: 0],
                        events: Array(repeating: PendingEvent(stream, payload), count: 100), metadata: meta))
            }
        }
        func plainBatches() throws {
            for _ in 0..<batches {
                let first = plainPosition + 1
                plainPosition += 100
                try connection.execute(
                    """
                    INSERT INTO plain_events (position, stream, version, type, schema, data, meta, recorded_at, hash)
                    SELECT $1 + i, $2, i + 1, 'AttendeeRegistered', 1, $3::jsonb, $4::jsonb, now(), $5 FROM generate_series(0, 99) AS i
                    """, [first, "plain-b\(first)", data, metaText, Bytea([UInt8](repeating: 7, count: 32))])
            }
        }

        var single = Sample()
        var singleID = Sample()
        var singlePlain = Sample()
        var batch = Sample()
        var batchPlain = Sample()
        // --batches: only the 100-event rounds (for profiling the batch path).
        let batchesOnly = arguments.contains("--batches")
        for _ in 0..<rounds {
            if !batchesOnly {
                try single.add(singles, storeSingles)
                try singlePlain.add(singles, plainSingles)
                try singleID.add(singles, storeSinglesWithID)
            }
            try batch.add(batches * 100, storeBatches)
            try batchPlain.add(batches * 100, plainBatches)
        }
        Report.header("append: \(singles) single-event appends and \(batches) 100-event appends per round, \(rounds) rounds, medians")
        Report.row("single-event appends", single.rate, "ev/s", baseline: singlePlain.rate, target: "ratio >= 0.70")
        Report.row("  with --command-id", singleID.rate, "ev/s", baseline: singlePlain.rate, target: "(idempotency record)")
        Report.row("100-event appends", batch.rate, "ev/s", baseline: batchPlain.rate, target: ">= 20000 ev/s")
        Report.line(
            String(
                format:
                    "client CPU per event: single %.0f µs (plain %.0f µs), with --command-id %.0f µs, in batches %.1f µs (plain %.1f µs)",
                single.cpu, singlePlain.cpu, singleID.cpu, batch.cpu, batchPlain.cpu))
        Report.line("baseline: the same rows as plain INSERTs (autocommit) on the same connection; durable cluster (fsync on)")
        let verify = try Report.time { _ = try ChainVerifier.verify(store) }
        let head = try store.head()
        Report.line(
            String(format: "audit verify of %lld events: %.2f s (%.0f ev/s)", head.position, verify, Double(head.position) / verify))
    }
}

/// One variant's rounds: events/s by the wall clock and this process's CPU µs per event, as medians.
private struct Sample {
    private var rates: [Double] = []
    private var cpus: [Double] = []

    mutating func add(_ events: Int, _ body: () throws -> Void) throws {
        let cpuBefore = Memory.cpuSeconds()
        let seconds = try Report.time(body)
        cpus.append((Memory.cpuSeconds() - cpuBefore) * 1e6 / Double(events))
        rates.append(Double(events) / seconds)
    }

    var rate: Double { Report.median(rates) }
    var cpu: Double { Report.median(cpus) }
}
