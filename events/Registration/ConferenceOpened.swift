/// An edition of the conference opened: its place, zone and dates (YYYY-MM-DD, inclusive).
public struct ConferenceOpened: DomainEvent, Equatable {
    public static let eventType = "ConferenceOpened"
    public let conference: ConferenceID
    public let name: String
    public let city: String
    public let timeZone: String
    public let starts: String
    public let ends: String

    public init(conference: ConferenceID, name: String, city: String, timeZone: String, starts: String, ends: String) {
        self.conference = conference
        self.name = name
        self.city = city
        self.timeZone = timeZone
        self.starts = starts
        self.ends = ends
    }

    enum CodingKeys: String, CodingKey {
        case conference, name, city, starts, ends
        case timeZone = "time_zone"
    }
}
