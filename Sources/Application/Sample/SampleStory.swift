import Events

/// The fixed facts of the sample's story: the edition, its rooms and tracks, and the names
/// the Summer Scholars story uses. Everything else is drawn from the seed.
enum SampleStory {
    /// The seed of the sample every demo loads.
    static let defaultSeed: UInt64 = 2026

    static let edition = "citylab-2026"
    static let editionName = "CityLab 2026"
    static let city = "Bogotá"
    static let timeZone = "America/Bogota"
    static let days = ["2026-10-14", "2026-10-15", "2026-10-16"]
    static let cohort = 2026

    /// The edition's id (a valid literal; nil only if someone breaks it).
    static var conference: ConferenceID? { ConferenceID(edition) }

    static let ibo = "iBO — Laboratorio de Innovación Pública de Bogotá"

    enum Room: String, CaseIterable {
        case main = "Main Hall"
        case andes = "Sala Andes"
        case caribe = "Sala Caribe"
        case pacifico = "Sala Pacífico"
        case monserrate = "Sala Monserrate"
        case studio = "Innovation Studio"
    }

    enum Track: String, CaseIterable {
        case plenary = "Plenary"
        case data = "Data and evidence"
        case teams = "Innovation teams"
        case infrastructure = "Infrastructure"
        case civic = "Civic engagement"
        case mobility = "Mobility and autonomous vehicles"
        case financial = "Financial empowerment"
        case studio = "City Innovation Studio"
    }
}
