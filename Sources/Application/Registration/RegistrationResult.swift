/// `attendee register`: the attendee's id, the edition and the address as stored (lowercased).
public struct RegistrationResult: CommandResult {
    public let id: String
    public let message: String
    public let conference: String
    public let email: String
}
