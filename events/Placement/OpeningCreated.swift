/// A city hall's placement opening: where, with whom, on what, when (YYYY-MM-DD, inclusive,
/// in the city's local calendar), how many scholars (`seats` ≥ 1) and for which cohort.
public struct OpeningCreated: DomainEvent, Equatable {
    public static let eventType = "OpeningCreated"
    public let opening: OpeningID
    public let city: String
    public let country: String
    public let host: String
    public let project: String
    public let starts: String
    public let ends: String
    public let seats: Int
    public let cohort: Int

    public init(
        opening: OpeningID, city: String, country: String, host: String, project: String,
        starts: String, ends: String, seats: Int, cohort: Int
    ) {
        self.opening = opening
        self.city = city
        self.country = country
        self.host = host
        self.project = project
        self.starts = starts
        self.ends = ends
        self.seats = seats
        self.cohort = cohort
    }
}
