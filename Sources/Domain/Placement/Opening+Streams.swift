import Events

extension Opening {
    /// `opening create` over a `StreamReader`: reads the opening's stream (the id must be new).
    public static func decide(_ command: Create, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(Opening.self, .opening(command.id)))
    }
}
