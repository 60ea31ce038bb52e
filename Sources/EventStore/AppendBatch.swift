import Events

/// What one command appends: its events, the version of every stream its decision read
/// (written or not), who did it, and the summary to return (and to replay for a retry).
public struct AppendBatch: Sendable {
    public var commandID: String?
    public var expectations: [StreamName: Int]
    public var events: [PendingEvent]
    public var metadata: EventMetadata
    /// A JSON object merged into the stored result (`id`, …); `events` and `position` are added.
    public var result: [String: JSONValue]

    public init(
        commandID: String?, expectations: [StreamName: Int], events: [PendingEvent], metadata: EventMetadata,
        result: [String: JSONValue] = [:]
    ) {
        self.commandID = commandID
        self.expectations = expectations
        self.events = events
        self.metadata = metadata
        self.result = result
    }
}

/// The stored result of an append, and whether it is a replay of an earlier identical command id.
public struct AppendOutcome: Sendable {
    public let isDuplicate: Bool
    public let result: JSONValue

    public var position: Int64 { result["position"]?.intValue ?? 0 }
}
