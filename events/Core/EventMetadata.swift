/// Who caused an event and under which command; stored in `events.meta` and covered by the hash.
public struct EventMetadata: Codable, Sendable, Equatable {
    public var actor: String
    public var commandID: String
    public var command: String
    public var source: String
    public var correlationID: String?

    public init(actor: String, commandID: String, command: String, source: String = "cli", correlationID: String? = nil) {
        self.actor = actor
        self.commandID = commandID
        self.command = command
        self.source = source
        self.correlationID = correlationID
    }

    enum CodingKeys: String, CodingKey {
        case actor, command, source
        case commandID = "command_id"
        case correlationID = "correlation_id"
    }
}
