/// Who does what in the sample's story, as the events' metadata records it (`actor`): the
/// people an auditor would expect behind each kind of decision. Synthetic names, fixed (not
/// drawn from the seed), so the audit trail reads the same on every load.
enum SampleActors {
    /// Opens the edition.
    static let director = "Camila Rojas (CityLab program director)"
    /// Schedules, moves and calls off sessions.
    static let programTeam = "Andrés Molina (CityLab program team)"
    /// Registrations and agenda choices made by attendees themselves, online.
    static let registrationSite = "CityLab registration site"
    /// Cancels registrations on request.
    static let registrationOffice = "Laura Méndez (CityLab registrations)"
    /// Checks arrivals in at the venue.
    static let registrationDesk = "Juliana Torres (registration desk, Main Hall)"
    /// Admits scholars, opens placements, proposes, and records completions.
    static let scholarsCoordinator = "Priya Raman (Summer Scholars coordinator)"
    /// Approves proposals: not the person who proposed them.
    static let scholarsDirector = "Marcus Bell (Summer Scholars director)"
    /// Records the innovation-methods training.
    static let trainer = "Tomás Ibáñez (innovation-methods trainer)"
    /// The host who withdraws one placement.
    static let saltLakeCityHost = "Dana Kimball (Salt Lake City Mayor's Office)"

    /// A scholar acting for themselves (confirming their placement).
    static func scholar(_ name: String) -> String { "\(name) (scholar)" }
}
