import Domain
import Events

/// One of the sample's attendees, with everything `attendee register` needs and the agenda
/// token the sample gives them (derived from the seed: public knowledge, sample only).
struct SampleAttendee: Sendable {
    let index: Int
    let id: AttendeeID
    let name: String
    let email: String
    let role: Role
    let organization: String
    let city: String
    let token: String
}

/// The sample's 600 people: mayors, city innovators, artists, funders, academics, urbanists,
/// speakers, staff and press from cities worldwide, with synthetic names and addresses.
enum SampleCast {
    static let roles: [(Role, Int)] = [
        (.mayor, 55), (.cityInnovator, 195), (.artist, 30), (.funder, 35), (.academic, 60), (.urbanist, 70), (.speaker, 70),
        (.staff, 45), (.press, 40),
    ]

    static var size: Int { roles.reduce(0) { $0 + $1.1 } }

    static func make(seed: UInt64) -> [SampleAttendee] {
        var random = SampleRandom(seed: seed, label: "cast")
        var ids = SampleRandom(seed: seed, label: "attendee-ids")
        var tokens = SampleRandom(seed: seed, label: "agenda-tokens")
        var emails = SampleEmail()
        var usedIDs: Set<String> = []
        let roleOrder = random.shuffled(roles.flatMap { role, count in Array(repeating: role, count: count) })
        var mayorCities = random.shuffled(SampleWorld.cities.indices.map { $0 })
        var people: [SampleAttendee] = []
        people.reserveCapacity(roleOrder.count)
        for (index, role) in roleOrder.enumerated() {
            let city: SampleCity
            if role == .mayor, let next = mayorCities.popLast() {
                city = SampleWorld.cities[next]
            } else if role == .staff {
                city = SampleWorld.cities[random.chance(70) ? 0 : random.below(SampleWorld.cities.count)]
            } else {
                city = SampleWorld.cities[random.weighted(SampleWorld.cities.map(\.weight))]
            }
            let name = city.names.name(&random, secondSurname: city.hasSpanishNames)
            let domain = role == .press ? "example.com" : random.pick(SampleEmail.domains)
            var suffix = ids.suffix()
            while usedIDs.contains(suffix) { suffix = ids.suffix() }
            usedIDs.insert(suffix)
            people.append(
                SampleAttendee(
                    index: index, id: AttendeeID.make(suffix: suffix), name: name,
                    email: emails.address(for: name, domain: domain), role: role,
                    organization: organization(role, city, &random), city: "\(city.name), \(city.country)",
                    token: tokens.hex(bytes: 16)))
        }
        return people
    }

    private static func organization(_ role: Role, _ city: SampleCity, _ random: inout SampleRandom) -> String {
        switch role {
        case .mayor: return city.government
        case .cityInnovator:
            if city.name == "Bogotá", random.chance(35) { return SampleStory.ibo }
            return "\(city.government) — \(random.pick(SampleWorld.innovationUnits))"
        case .artist: return random.chance(25) ? "Independent artist" : random.pick(SampleWorld.artistStudios)
        case .funder: return random.pick(SampleWorld.foundations)
        case .academic: return random.pick(SampleWorld.universities)
        case .urbanist: return random.pick(SampleWorld.studios)
        case .speaker:
            let pools = [[city.government], SampleWorld.universities, SampleWorld.studios, SampleWorld.foundations]
            return random.pick(pools[random.below(pools.count)])
        case .staff: return random.pick(SampleWorld.staffOrganizations)
        case .press: return random.pick(SampleWorld.press)
        case .other: return city.government
        }
    }
}
