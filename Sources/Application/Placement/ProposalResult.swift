/// `placement propose`: the placement's id, and the scholar and opening it pairs.
public struct ProposalResult: CommandResult {
    public let id: String
    public let message: String
    public let scholar: String
    public let opening: String
}
