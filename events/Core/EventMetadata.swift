/// Who caused an event and under which command; stored in `events.meta` and covered by the hash.
/// `login` is the identity the database authenticated (`session_user`), which the append path
/// refuses to record as anything else; `actor` is only "on behalf of" (`--actor`,
/// `CITYLAB_ACTOR`, or the OS user). Events written before logins were recorded have no `login`.
public struct EventMetadata: Codable, Sendable, Equatable {
    public var actor: String
    public var login: StaffLogin?
    public var commandID: String
    public var command: String
    public var source: String
    public var correlationID: String?

    public init(
        actor: String, commandID: String, command: String, source: String = "cli", correlationID: String? = nil,
        login: StaffLogin? = nil
    ) {
        self.actor = actor
        self.login = login
        self.commandID = commandID
        self.command = command
        self.source = source
        self.correlationID = correlationID
    }

    enum CodingKeys: String, CodingKey {
        case actor, command, source, login
        case commandID = "command_id"
        case correlationID = "correlation_id"
    }
}

extension EventMetadata {
    /// The canonical JSON text, spelled with `CanonicalWriter` member by member: the same bytes
    /// as `CanonicalJSON.encode(self)` (held equal by `EventsCoreTests`), at a third of the cost,
    /// which a one-event append (once per append) notices.
    public var canonicalText: String {
        // Keys in UTF-8 byte order: actor, command, command_id, correlation_id, login, source.
        var out = CanonicalWriter(capacity: 128)
        out.raw("{\"actor\":")
        out.string(actor)
        out.raw(",\"command\":")
        out.string(command)
        out.raw(",\"command_id\":")
        out.string(commandID)
        if let correlationID {
            out.raw(",\"correlation_id\":")
            out.string(correlationID)
        }
        if let login {
            out.raw(",\"login\":")
            out.string(login.rawValue)
        }
        out.raw(",\"source\":")
        out.string(source)
        out.byte(UInt8(ascii: "}"))
        return out.text
    }
}
