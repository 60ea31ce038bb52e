/// An edition as the program shows it (the `edition` object of `/program` and `/sessions/{id}`).
struct EditionInfo: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var city: String
    /// IANA zone of the local times, e.g. `America/Bogota`.
    var timeZone: String
}
