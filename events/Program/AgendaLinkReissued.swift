/// A new personal agenda link: only its token's SHA-256 (hex) is kept; the previous one stops working.
public struct AgendaLinkReissued: DomainEvent, Equatable {
    public static let eventType = "AgendaLinkReissued"
    public let attendee: AttendeeID
    public let tokenHash: String

    public init(attendee: AttendeeID, tokenHash: String) {
        self.attendee = attendee
        self.tokenHash = tokenHash
    }

    enum CodingKeys: String, CodingKey {
        case attendee
        case tokenHash = "token_hash"
    }
}
