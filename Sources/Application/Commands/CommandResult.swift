import Events

/// What a command reports (its `--json` object, and the result stored for its command id): a
/// typed value per result shape, encoded canonically; the store adds `events` and `position`.
/// Every shape has `id` (what the command made or changed) and `message` (the line a person reads).
public protocol CommandResult: Encodable, Sendable {
    var id: String { get }
    var message: String { get }
}

/// The result of most commands: nothing beyond `id` and `message`.
public struct CommandSummary: CommandResult {
    public let id: String
    public let message: String
}
