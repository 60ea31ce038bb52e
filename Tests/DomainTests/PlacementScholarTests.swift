import Domain
import Events
import XCTest

final class PlacementScholarTests: XCTestCase {
    func testAdmit() {
        check([
            PlacementCase(
                "admit writes the scholar and claims the address among scholars", given: [],
                when: .admit(emma, email: "emma@jhu.edu"),
                then: .events([
                    "scholar-sch_emma ScholarAdmitted", "\(StreamName.emailClaim(scope: "scholars", email: "emma@jhu.edu")) EmailClaimed",
                ])),
            PlacementCase(
                "an id is admitted once", given: [.admit(emma, email: "emma@jhu.edu")],
                when: .admit(emma, email: "other@jhu.edu"), then: .rejected("duplicate-id")),
            PlacementCase(
                "emails are unique among scholars, whatever their case", given: [.admit(emma, email: "emma@jhu.edu")],
                when: .admit(ana, email: "EMMA@JHU.EDU"), then: .rejected("email-taken")),
            PlacementCase("a malformed email", given: [], when: .admit(emma, email: "emma at jhu"), then: .rejected("invalid-email")),
            PlacementCase("an empty name", given: [], when: .admit(emma, email: "e@jhu.edu", name: " "), then: .rejected("invalid-name")),
            PlacementCase(
                "a cohort that is no year", given: [], when: .admit(emma, email: "e@jhu.edu", cohort: 26), then: .rejected("invalid-cohort")
            ),
        ])
    }

    func testAdmitRecordsTheFactsAndDefaultsTheCohort() throws {
        var world = World()
        try world.run([.admit(emma, email: " Emma.Miner@JHU.edu"), .admit(ana, email: "ana@jhu.edu", cohort: 2027)])
        XCTAssertEqual(
            world.state(Scholar.self, .scholar(emma)).admitted,
            ScholarAdmitted(
                scholar: emma, name: "Emma Miner", email: "emma.miner@jhu.edu", university: "Johns Hopkins University", cohort: 2026))
        XCTAssertEqual(world.state(Scholar.self, .scholar(ana)).admitted?.cohort, 2027)
        let claim = world.state(EmailClaim.self, .emailClaim(scope: Scholar.emailScope, email: "EMMA.MINER@jhu.edu"))
        XCTAssertEqual(claim.holder, emma.rawValue)
        let attendees = world.state(EmailClaim.self, .emailClaim(scope: "citylab-2026", email: "emma.miner@jhu.edu"))
        XCTAssertNil(attendees.holder, "the scholars' scope is separate from an edition's registrations")
    }

    func testCompleteTraining() {
        check([
            PlacementCase(
                "training is recorded once", given: [.admit(emma, email: "e@jhu.edu")], when: .train(emma),
                then: .events(["scholar-sch_emma ScholarTrainingCompleted"])),
            PlacementCase("an unknown scholar", given: [], when: .train(emma), then: .rejected("unknown-scholar")),
            PlacementCase(
                "completing twice is refused", given: [.admit(emma, email: "e@jhu.edu"), .train(emma)], when: .train(emma),
                then: .rejected("training-already-completed")),
        ])
    }

    func testTrainingRecordsTheCommandsNow() throws {
        let admitted = ScholarAdmitted(scholar: emma, name: "E", email: "e@jhu.edu", university: "JHU", cohort: 2026)
        let streams = InMemoryStreams([.scholar(emma): [admitted]])
        let events = try Scholar.decide(Scholar.CompleteTraining(scholar: emma, now: trainedAt), streams)
        XCTAssertEqual(
            events.first?.event as? ScholarTrainingCompleted, ScholarTrainingCompleted(scholar: emma, completedAt: "2026-05-28T20:26:40Z"))
    }

    func testResolveByIdOrEmail() throws {
        var world = World()
        try world.run([.admit(emma, email: "emma@jhu.edu")])
        XCTAssertEqual(try Scholar.resolve("sch_emma", world.streams), emma)
        XCTAssertEqual(try Scholar.resolve(" Emma@JHU.edu ", world.streams), emma)
        for unknown in ["sch_nobody", "nobody@jhu.edu", "emma", "att_emma"] {
            XCTAssertThrowsError(try Scholar.resolve(unknown, world.streams), unknown) { error in
                XCTAssertEqual((error as? Rejection)?.rule, "unknown-scholar")
            }
        }
    }
}
