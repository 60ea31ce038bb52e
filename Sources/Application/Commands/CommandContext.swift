/// Who runs a command and under which idempotency key; goes into every event's metadata.
public struct CommandContext: Sendable {
    public var actor: String
    public var commandID: String?
    public var source: String

    public init(actor: String, commandID: String? = nil, source: String = "cli") {
        self.actor = actor
        self.commandID = commandID
        self.source = source
    }
}
