/// Someone registered for an edition. Only the SHA-256 (hex) of their agenda token is kept.
public struct AttendeeRegistered: DomainEvent, Equatable {
    public static let eventType = "AttendeeRegistered"
    public let attendee: AttendeeID
    public let conference: ConferenceID
    public let name: String
    public let email: String
    public let role: String
    public let organization: String?
    public let city: String?
    public let tokenHash: String

    public init(
        attendee: AttendeeID, conference: ConferenceID, name: String, email: String, role: String,
        organization: String?, city: String?, tokenHash: String
    ) {
        self.attendee = attendee
        self.conference = conference
        self.name = name
        self.email = email
        self.role = role
        self.organization = organization
        self.city = city
        self.tokenHash = tokenHash
    }

    enum CodingKeys: String, CodingKey {
        case attendee, conference, name, email, role, organization, city
        case tokenHash = "token_hash"
    }
}
