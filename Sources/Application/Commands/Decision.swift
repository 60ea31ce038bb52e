import Events

/// What a command decided: the events to append and the summary to report
/// (`id`, `message` and anything a script may want; `events` and `position` are added).
public struct Decision: Sendable {
    public var events: [PendingEvent]
    public var result: [String: JSONValue]

    public init(events: [PendingEvent], id: String, message: String, extra: [String: JSONValue] = [:]) {
        self.events = events
        var result = extra
        result["id"] = .string(id)
        result["message"] = .string(message)
        self.result = result
    }
}

/// A command's outcome as printed: the stored result, and whether it replays an earlier run.
public struct CommandOutcome: Sendable {
    public let isDuplicate: Bool
    public let result: JSONValue

    public var id: String { result["id"]?.stringValue ?? "" }
    public var message: String { result["message"]?.stringValue ?? "" }
    public var position: Int64 { result["position"]?.intValue ?? 0 }
}
