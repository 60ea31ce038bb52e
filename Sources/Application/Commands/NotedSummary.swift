/// `id` and `message`, and `notes`: the side effects people should hear of (a seat given to
/// the next on a waitlist…), left out when there are none.
public struct NotedSummary: CommandResult {
    public let id: String
    public let message: String
    public let notes: [String]?

    init(id: String, message: String, notes: [String]) {
        (self.id, self.message) = (id, message)
        self.notes = notes.isEmpty ? nil : notes
    }
}
