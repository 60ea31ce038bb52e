import Application
import Arguments
import EventStore
import Events

/// `citylab events [--stream S] [--from N] [--limit N]` and `citylab events export`.
enum EventsGroup {
    static let spec = CommandSpec(
        "events", abstract: "Print the event log.",
        options: [
            .option("stream", valueName: "stream", help: "Only this stream, e.g. attendee-att_k3q9x2mw."),
            .option("from", valueName: "position", help: "Start at this position.", defaultValue: "1"),
            .option("limit", valueName: "n", help: "At most this many events.", defaultValue: "100"),
        ],
        subcommands: [
            CommandSpec(
                "export", abstract: "Write the whole log as JSON lines with every field the hash covers.",
                discussion: "One canonical JSON object per line; events/README.md shows how to re-verify the hash chain "
                    + "of an export with Python's standard library alone.",
                options: [.option("format", valueName: "format", help: "Output format.", defaultValue: "jsonl", allowedValues: ["jsonl"])],
                examples: ["citylab events export > citylab-log.jsonl"])
        ],
        examples: ["citylab events --limit 20", "citylab events --stream conference-citylab-2026"],
        isRunnable: true)

    static let verbs: [String: Verb] = ["events": list, "events export": export]

    static func list(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let from = try p.int("from") ?? 1
        let limit = try p.int("limit") ?? 100
        guard from >= 1 else { throw AppError.usage("--from must be 1 or more, got \(from)", hint: nil) }
        guard (1...100_000).contains(limit) else { throw AppError.usage("--limit must be between 1 and 100000, got \(limit)", hint: nil) }
        let store = try invocation.store()
        var events: [RecordedEvent]
        if let stream = p.option("stream") {
            events = try store.readStream(StreamName(stream)).events.filter { $0.position >= from }
            events = Array(events.prefix(limit))
        } else {
            events = try store.read(after: Int64(from - 1), limit: limit)
        }
        if invocation.json {
            Output.json(.object(["events": .array(try events.map(exportValue))]))
            return
        }
        if events.isEmpty { Output.line("No events.") }
        for event in events {
            let actor = (try? event.metadata().actor) ?? "?"
            Output.line("\(event.position)  \(event.instant)  \(event.stream) v\(event.version)  \(event.type)  by \(actor)")
            Output.line("    \((try? CanonicalJSON.canonicalize(event.data)) ?? event.data)")
        }
        if events.count == limit, p.option("stream") == nil, let last = events.last {
            Output.line("… more may follow: citylab events --from \(last.position + 1)")
        }
    }

    static func export(_ invocation: Invocation) throws {
        let store = try invocation.store()
        var after: Int64 = 0
        var previous = HashChain.genesis
        while true {
            let page = try store.read(after: after, limit: 5_000)
            for event in page {
                var value = try exportValue(event)
                if case .object(var members) = value {
                    members["previous_hash"] = .string(Hex.encode(previous))
                    value = .object(members)
                }
                Output.json(value)
                previous = event.hash
            }
            guard let last = page.last else { break }
            after = last.position
        }
    }

    /// An event with every field the hash covers, payloads as JSON objects.
    static func exportValue(_ event: RecordedEvent) throws -> JSONValue {
        .object([
            "position": .int(event.position), "stream": .string(event.stream.rawValue), "version": .int(Int64(event.version)),
            "type": .string(event.type), "schema": .int(Int64(event.schema)), "data": try JSONParser.parse(event.data),
            "meta": try JSONParser.parse(event.meta), "recorded_at": .string(event.instant), "hash": .string(Hex.encode(event.hash)),
        ])
    }
}
