import Events

extension ImportReport {
    /// The `--json` object: `accepted`, `skipped`, `rejected` (`[{line, rule, reason, hint?}]`),
    /// `events` (how many were written), `position`, `events_per_second`, and context.
    public var json: JSONValue {
        .object([
            "conference": .string(conference.rawValue),
            "rows": .int(Int64(rows)),
            "accepted": .int(Int64(accepted)),
            "skipped": .int(Int64(skipped)),
            "rejected": .array(
                rejected.map { row in
                    var members: [String: JSONValue] = [
                        "line": .int(Int64(row.line)), "rule": .string(row.rule), "reason": .string(row.reason),
                    ]
                    if let hint = row.hint { members["hint"] = .string(hint) }
                    return .object(members)
                }),
            "events": .int(Int64(events)),
            "position": .int(position),
            "batches": .int(Int64(batches)),
            "milliseconds": .int(Int64((seconds * 1000).rounded())),
            "events_per_second": .int(Int64(eventsPerSecond)),
        ])
    }

    /// A report stored under a command id, read back for a repeated `--command-id`.
    public init?(json: JSONValue) {
        guard let conference = json["conference"]?.stringValue.flatMap(ConferenceID.init) else { return nil }
        self.init(conference: conference)
        func int(_ key: String) -> Int { Int(json[key]?.intValue ?? 0) }
        (rows, accepted, skipped, events, batches) = (int("rows"), int("accepted"), int("skipped"), int("events"), int("batches"))
        position = json["position"]?.intValue ?? 0
        seconds = Double(int("milliseconds")) / 1000
        if case .array(let items) = json["rejected"] {
            rejected = items.map {
                RejectedRow(
                    line: Int($0["line"]?.intValue ?? 0), rule: $0["rule"]?.stringValue ?? "", reason: $0["reason"]?.stringValue ?? "",
                    hint: $0["hint"]?.stringValue)
            }
        }
    }
}
