/// `agenda add` and `agenda drop`: the attendee (`id` too) and session; for `add`, whether a
/// seat or a waitlist place was taken, and the place's position; side-effect notes.
public struct EnrollmentResult: CommandResult {
    /// What `agenda add` got.
    public enum Status: String, Encodable, Sendable {
        case seat, waitlisted
    }

    public let id: String
    public let message: String
    public let attendee: String
    public let session: String
    public let status: Status?
    public let waitlistPosition: Int?
    public let notes: [String]?

    init(message: String, attendee: String, session: String, status: Status? = nil, waitlistPosition: Int? = nil, notes: [String]) {
        (self.id, self.message, self.attendee, self.session) = (attendee, message, attendee, session)
        (self.status, self.waitlistPosition) = (status, waitlistPosition)
        self.notes = notes.isEmpty ? nil : notes
    }

    enum CodingKeys: String, CodingKey {
        case id, message, attendee, session, status, notes
        case waitlistPosition = "waitlist_position"
    }
}
