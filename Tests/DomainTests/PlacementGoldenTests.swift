import Domain
import Events
import XCTest

/// Golden samples: a fixed canonical payload per placement event type (schema 1). Each must
/// decode through the registry forever; never edit one, add a sample for a new schema.
final class PlacementGoldenTests: XCTestCase {
    let samples: [(type: String, schema: Int, data: String, expected: any DomainEvent)] = [
        (
            "ScholarAdmitted", 1,
            #"{"cohort":2026,"email":"emma.miner@jhu.edu","name":"Emma Miner","scholar":"sch_emma","university":"Johns Hopkins University"}"#,
            ScholarAdmitted(
                scholar: emma, name: "Emma Miner", email: "emma.miner@jhu.edu", university: "Johns Hopkins University", cohort: 2026)
        ),
        (
            "ScholarTrainingCompleted", 1, #"{"completed_at":"2026-05-28T20:26:40Z","scholar":"sch_emma"}"#,
            ScholarTrainingCompleted(scholar: emma, completedAt: "2026-05-28T20:26:40Z")
        ),
        (
            "ScholarPlacementProposed", 1, #"{"cohort":2026,"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            ScholarPlacementProposed(scholar: emma, placement: p1, opening: bogota, cohort: 2026)
        ),
        (
            "ScholarPlacementEnded", 1, #"{"cohort":2026,"placement":"plc_p1","scholar":"sch_emma","status":"completed"}"#,
            ScholarPlacementEnded(scholar: emma, placement: p1, cohort: 2026, status: "completed")
        ),
        (
            "OpeningCreated", 1,
            #"{"city":"Bogotá","cohort":2026,"country":"Colombia","ends":"2026-08-14","host":"iBO — Laboratorio de Innovación Pública de Bogotá","opening":"opn_bogota","project":"Care Blocks","seats":1,"starts":"2026-06-15"}"#,
            OpeningCreated(
                opening: bogota, city: "Bogotá", country: "Colombia", host: "iBO — Laboratorio de Innovación Pública de Bogotá",
                project: "Care Blocks", starts: "2026-06-15", ends: "2026-08-14", seats: 1, cohort: 2026)
        ),
        (
            "OpeningSeatTaken", 1, #"{"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            OpeningSeatTaken(opening: bogota, placement: p1, scholar: emma)
        ),
        (
            "OpeningSeatReleased", 1, #"{"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            OpeningSeatReleased(opening: bogota, placement: p1, scholar: emma)
        ),
        (
            "PlacementProposed", 1,
            #"{"cohort":2026,"note":"speaks Spanish","opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            PlacementProposed(placement: p1, scholar: emma, opening: bogota, cohort: 2026, note: "speaks Spanish")
        ),
        (
            "PlacementProposed", 1, #"{"cohort":2026,"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            PlacementProposed(placement: p1, scholar: emma, opening: bogota, cohort: 2026, note: nil)
        ),
        (
            "PlacementApproved", 1, #"{"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma"}"#,
            PlacementApproved(placement: p1, scholar: emma, opening: bogota)
        ),
        (
            "PlacementConfirmed", 1,
            #"{"opening":"opn_bogota","placement":"plc_p1","scholar":"sch_emma","seats":1,"seats_taken_before":0,"training_completed_at":"2026-05-28T20:26:40Z"}"#,
            PlacementConfirmed(
                placement: p1, scholar: emma, opening: bogota, trainingCompletedAt: "2026-05-28T20:26:40Z", seatsTakenBefore: 0, seats: 1)
        ),
        (
            "PlacementWithdrawn", 1,
            #"{"by":"host","from":"confirmed","opening":"opn_bogota","placement":"plc_p1","reason":"visa delayed","scholar":"sch_emma"}"#,
            PlacementWithdrawn(placement: p1, scholar: emma, opening: bogota, reason: "visa delayed", by: "host", from: "confirmed")
        ),
        (
            "PlacementCompleted", 1,
            #"{"opening":"opn_bogota","outcome":"expanded women's access to care services","placement":"plc_p1","scholar":"sch_emma"}"#,
            PlacementCompleted(placement: p1, scholar: emma, opening: bogota, outcome: "expanded women's access to care services")
        ),
    ]

    func testEverySampleDecodesToItsEvent() throws {
        for sample in samples {
            let decoded = try EventRegistry.decode(type: sample.type, schema: sample.schema, data: sample.data)
            XCTAssertEqual(decoded.eventType, sample.type)
            XCTAssertTrue(equal(decoded, sample.expected), "\(sample.type): decoded \(decoded)")
        }
    }

    /// While schema 1 is current, writing the event gives back exactly the sample's bytes.
    func testCurrentSchemaEncodesToTheSample() throws {
        for sample in samples where type(of: sample.expected).schema == sample.schema {
            XCTAssertEqual(try CanonicalJSON.encode(sample.expected), sample.data, sample.type)
        }
    }

    func testEveryPlacementTypeHasASampleAndIsRegistered() {
        let names: Set<String> = [
            "ScholarAdmitted", "ScholarTrainingCompleted", "ScholarPlacementProposed", "ScholarPlacementEnded",
            "OpeningCreated", "OpeningSeatTaken", "OpeningSeatReleased", "PlacementProposed", "PlacementApproved",
            "PlacementConfirmed", "PlacementWithdrawn", "PlacementCompleted",
        ]
        XCTAssertEqual(Set(samples.map(\.type)), names)
        XCTAssertTrue(names.isSubset(of: Set(EventRegistry.knownTypes)))
    }

    private func equal(_ a: any DomainEvent, _ b: any DomainEvent) -> Bool {
        func open<T: DomainEvent & Equatable>(_ a: T) -> Bool { (b as? T) == a }
        guard let a = a as? any DomainEvent & Equatable else { return false }
        return open(a)
    }
}
