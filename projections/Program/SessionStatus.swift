/// Whether a session of the program still takes place (`ProgramRow.status`), spelled as stored.
public enum SessionStatus: String, Codable, Sendable, CaseIterable {
    case scheduled
    case cancelled
}
