import Domain
import Events
import XCTest

final class PlacementOpeningTests: XCTestCase {
    func testCreate() {
        check([
            PlacementCase("an opening is created", given: [], when: .open(bogota), then: .events(["opening-opn_bogota OpeningCreated"])),
            PlacementCase("an id is created once", given: [.open(bogota)], when: .open(bogota, seats: 3), then: .rejected("duplicate-id")),
            PlacementCase("zero seats", given: [], when: .open(bogota, seats: 0), then: .rejected("invalid-seats")),
            PlacementCase("negative seats", given: [], when: .open(bogota, seats: -2), then: .rejected("invalid-seats")),
            PlacementCase(
                "one seat is enough", given: [], when: .open(bogota, seats: 1), then: .events(["opening-opn_bogota OpeningCreated"])),
            PlacementCase("a malformed start", given: [], when: .open(bogota, starts: "2026-6-15"), then: .rejected("invalid-date")),
            PlacementCase("an impossible end", given: [], when: .open(bogota, ends: "2026-02-30"), then: .rejected("invalid-date")),
            PlacementCase(
                "an end before the start", given: [], when: .open(bogota, starts: "2026-08-14", ends: "2026-06-15"),
                then: .rejected("end-before-start")),
            PlacementCase(
                "an end on the start day (it must end after it starts)", given: [],
                when: .open(bogota, starts: "2026-06-15", ends: "2026-06-15"), then: .rejected("end-before-start")),
            PlacementCase(
                "one day long is fine", given: [], when: .open(bogota, starts: "2026-06-15", ends: "2026-06-16"),
                then: .events(["opening-opn_bogota OpeningCreated"])),
            PlacementCase("a cohort that is no year", given: [], when: .open(bogota, cohort: 0), then: .rejected("invalid-cohort")),
        ])
    }

    func testEmptyFieldsAreRefusedByName() throws {
        for field in ["city", "country", "host", "project"] {
            var create = Opening.Create(
                id: bogota, city: "Bogotá", country: "Colombia", host: "iBO", project: "Care Blocks",
                starts: "2026-06-15", ends: "2026-08-14")
            switch field {
            case "city": create.city = ""
            case "country": create.country = "  "
            case "host": create.host = "\n"
            default: create.project = ""
            }
            XCTAssertThrowsError(try Opening.decide(create, Opening.initialState), field) { error in
                XCTAssertEqual((error as? Rejection)?.rule, "invalid-\(field)")
            }
        }
    }

    func testTheEventCarriesWhatThePlacementsReadModelShows() throws {
        let create = Opening.Create(
            id: cdmx, city: " Mexico City ", country: "Mexico", host: "Agencia Digital de Innovación Pública",
            project: "Digital services", starts: "2026-12-01", ends: "2027-02-28", seats: 2)
        let events = try Opening.decide(create, Opening.initialState)
        XCTAssertEqual(
            events.first?.event as? OpeningCreated,
            OpeningCreated(
                opening: cdmx, city: "Mexico City", country: "Mexico", host: "Agencia Digital de Innovación Pública",
                project: "Digital services", starts: "2026-12-01", ends: "2027-02-28", seats: 2, cohort: 2026),
            "the cohort defaults to the year it starts")
        var given = create
        given.cohort = 2027
        XCTAssertEqual((try Opening.decide(given, Opening.initialState).first?.event as? OpeningCreated)?.cohort, 2027)
        given.seats = nil
        XCTAssertEqual((try Opening.decide(given, Opening.initialState).first?.event as? OpeningCreated)?.seats, 1, "one seat by default")
    }
}
