import Foundation

/// Who runs a command and under which idempotency key; goes into every event's metadata.
public struct CommandContext: Sendable {
    public var actor: String
    /// The idempotency key given with `--command-id`, if any.
    public var commandID: String?
    /// What the events' metadata records: the given key, else one generated for this run,
    /// so an audit can tell which events one command wrote.
    public var recordedCommandID: String
    public var source: String
    /// A digest of what the command was asked to do (the CLI's options and arguments), stored
    /// with the command id: a repeat with other arguments is a reused id, not a retry.
    /// Nil when the caller cannot tell; then only the command's name is compared.
    public var arguments: String? = nil

    public init(actor: String, commandID: String? = nil, source: String = "cli") {
        self.actor = actor
        self.commandID = commandID
        self.recordedCommandID = commandID ?? RandomID.commandID()
        self.source = source
    }

    /// The operating-system user running this process (for the default actor).
    public static var systemUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid-\(geteuid())"
    }
}
