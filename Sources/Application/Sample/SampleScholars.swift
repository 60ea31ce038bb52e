import Domain
import Events
import Foundation

/// The Summer Scholars cohort of 2026: five students trained in innovation methods, placed
/// in four city halls — Bogotá's iBO (Care Blocks), Mexico City (digital services), Salt
/// Lake City (civic engagement) and Reykjavík (services for school-aged children and
/// families). One proposal is withdrawn by its host and the scholar goes elsewhere.
struct SampleScholars {
    struct Person {
        let id: ScholarID
        let name: String
        let email: String
    }

    struct Post {
        let id: OpeningID
        let create: Opening.Create
    }

    struct Proposal {
        let id: PlacementID
        let scholar: Int
        let opening: Int
        let note: String
    }

    let people: [Person]
    let posts: [Post]
    /// In the order proposed; `withdrawn` is the one its host withdraws.
    let proposals: [Proposal]
    let withdrawn = 4
    let outcomes: [Int: String]

    static let university = "Johns Hopkins University"

    init(seed: UInt64) {
        var ids = SampleRandom(seed: seed, label: "scholar-ids")
        let names = ["Isabela Duarte", "Nathan Okoye", "Sofía Villalobos", "Grace Whitfield", "Daniel Park"]
        people = names.map { name in
            let local = name.split(separator: " ").map { SampleEmail.fold(String($0)) }.joined(separator: ".")
            return Person(id: .make(suffix: ids.suffix()), name: name, email: "\(local)@scholars.example.org")
        }
        let (starts, ends) = ("2026-06-15", "2026-08-14")
        let openings: [(String, String, String, String, Int)] = [
            (
                "Bogotá", "Colombia", SampleStory.ibo,
                "Care Blocks: strengthening women's access to social, educational and entrepreneurial services", 2
            ),
            (
                "Mexico City", "Mexico", "Agencia Digital de Innovación Pública, Gobierno de la Ciudad de México",
                "Digital services for more than 4 million people", 1
            ),
            (
                "Salt Lake City", "United States", "Salt Lake City Mayor's Office",
                "Expanding and institutionalizing civic engagement", 1
            ),
            (
                "Reykjavík", "Iceland", "Reykjavíkurborg — Department of Education and Youth",
                "Redesigning services for school-aged children and families", 1
            ),
        ]
        posts = openings.map { city, country, host, project, seats in
            let id = OpeningID.make(suffix: ids.suffix())
            return Post(
                id: id,
                create: Opening.Create(
                    id: id, city: city, country: country, host: host, project: project, starts: starts, ends: ends, seats: seats,
                    cohort: SampleStory.cohort))
        }
        let plan: [(Int, Int, String)] = [
            (0, 0, "Service mapping and interviews with women using the Care Blocks."),
            (1, 0, "Caregiver research and workshop design with iBO."),
            (2, 1, "Usability testing of the redesigned digital services."),
            (3, 2, "Neighborhood listening sessions with the civic engagement team."),
            (4, 2, "Second scholar for civic engagement, if the team can host two."),
            (4, 3, "Journey mapping of school-age services with Reykjavík's service designers."),
        ]
        proposals = plan.map { Proposal(id: .make(suffix: ids.suffix()), scholar: $0.0, opening: $0.1, note: $0.2) }
        outcomes = [
            0:
                "Mapped services across three Care Blocks and co-designed an intake guide with the women who use them; iBO extends it to two more blocks.",
            1: "Interviewed 60 caregivers and turned their feedback into a schedule of training and entrepreneurship workshops.",
            2: "Tested the redesigned permit flow with residents; the digital services team adopted its plain-language guidelines.",
            3: "Wrote a playbook for neighborhood listening sessions that the Mayor's Office now runs every quarter.",
            5: "Charted a family's journey through school-age services and prototyped a single point of contact.",
        ]
    }

    var streamNames: [StreamName] {
        people.flatMap { [.scholar($0.id), .emailClaim(scope: Scholar.emailScope, email: $0.email)] } + posts.map { .opening($0.id) }
            + proposals.map { .placement($0.id) }
    }

    /// When each scholar finished training at the Center (June 2026, UTC).
    static func trainingDay(_ index: Int) -> Date {
        // 2026-06-01T14:00:00Z plus a day per scholar and an hour or two.
        Date(timeIntervalSince1970: 1_780_322_400 + TimeInterval(index * 86_400 + (index % 3) * 3_600))
    }
}
