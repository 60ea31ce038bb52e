import Domain
import Events
import XCTest

// Every transition of a placement, and every refusal, as given/when/then tables.
let ready: [Step] = [.open(bogota), .admit(emma, email: "emma@jhu.edu"), .train(emma)]
let proposed = ready + [.propose(p1, emma, bogota)]
let approved = proposed + [.approve(p1)]
let confirmed = approved + [.confirm(p1)]
let completed = confirmed + [.complete(p1)]
let withdrawn = proposed + [.withdraw(p1)]

let proposing = ["placement-plc_p1 PlacementProposed", "scholar-sch_emma ScholarPlacementProposed"]
let withdrawing = ["placement-plc_p1 PlacementWithdrawn", "scholar-sch_emma ScholarPlacementEnded"]

final class PlacementLifecycleTests: XCTestCase {
    func testPropose() {
        let openCdmx = Step.open(cdmx)
        check([
            PlacementCase("a scholar is proposed for an opening", given: ready, when: .propose(p1, emma, bogota), then: .events(proposing)),
            PlacementCase(
                "training is not needed to be proposed", given: [.open(bogota), .admit(emma, email: "e@jhu.edu")],
                when: .propose(p1, emma, bogota), then: .events(proposing)),
            PlacementCase(
                "an unknown scholar", given: [.open(bogota)], when: .propose(p1, emma, bogota), then: .rejected("unknown-scholar")),
            PlacementCase(
                "an unknown opening", given: [.admit(emma, email: "e@jhu.edu")], when: .propose(p1, emma, bogota),
                then: .rejected("unknown-opening")),
            PlacementCase(
                "an id is proposed once", given: proposed + [.admit(ana, email: "ana@jhu.edu")],
                when: .propose(p1, ana, bogota), then: .rejected("duplicate-id")),
            PlacementCase(
                "the scholar's cohort must be the opening's", given: [.open(bogota), .admit(emma, email: "e@jhu.edu", cohort: 2027)],
                when: .propose(p1, emma, bogota), then: .rejected("cohort-mismatch")),
            PlacementCase(
                "the opening's cohort must be the scholar's", given: [.open(bogota, cohort: 2027), .admit(emma, email: "e@jhu.edu")],
                when: .propose(p1, emma, bogota), then: .rejected("cohort-mismatch")),
            PlacementCase(
                "not twice for the same opening while a proposal is active", given: proposed,
                when: .propose(p2, emma, bogota), then: .rejected("duplicate-proposal")),
            PlacementCase(
                "one active placement per cohort: proposed", given: proposed + [openCdmx],
                when: .propose(p2, emma, cdmx), then: .rejected("scholar-has-active-placement")),
            PlacementCase(
                "one active placement per cohort: approved", given: approved + [openCdmx],
                when: .propose(p2, emma, cdmx), then: .rejected("scholar-has-active-placement")),
            PlacementCase(
                "one active placement per cohort: confirmed", given: confirmed + [openCdmx],
                when: .propose(p2, emma, cdmx), then: .rejected("scholar-has-active-placement")),
            PlacementCase(
                "after a withdrawal the scholar may be proposed again, even for the same opening", given: withdrawn,
                when: .propose(p2, emma, bogota),
                then: .events(["placement-plc_p2 PlacementProposed", "scholar-sch_emma ScholarPlacementProposed"])),
            PlacementCase(
                "after a completion the scholar may be placed again", given: completed + [openCdmx],
                when: .propose(p2, emma, cdmx),
                then: .events(["placement-plc_p2 PlacementProposed", "scholar-sch_emma ScholarPlacementProposed"])),
            PlacementCase(
                "another scholar may be proposed for the same opening", given: proposed + [.admit(ana, email: "ana@jhu.edu")],
                when: .propose(p2, ana, bogota),
                then: .events(["placement-plc_p2 PlacementProposed", "scholar-sch_ana ScholarPlacementProposed"])),
        ])
    }

    func testApprove() {
        check([
            PlacementCase(
                "staff approve a proposal", given: proposed, when: .approve(p1), then: .events(["placement-plc_p1 PlacementApproved"])),
            PlacementCase("an unknown placement", given: ready, when: .approve(p1), then: .rejected("unknown-placement")),
            PlacementCase("approving twice", given: approved, when: .approve(p1), then: .rejected("already-approved")),
            PlacementCase("approving a confirmed placement", given: confirmed, when: .approve(p1), then: .rejected("already-approved")),
            PlacementCase("approving a withdrawn placement", given: withdrawn, when: .approve(p1), then: .rejected("placement-ended")),
            PlacementCase("approving a completed placement", given: completed, when: .approve(p1), then: .rejected("placement-ended")),
        ])
    }

    func testConfirm() {
        check([
            PlacementCase(
                "the scholar confirms an approved placement: it takes a seat", given: approved, when: .confirm(p1),
                then: .events(["placement-plc_p1 PlacementConfirmed", "opening-opn_bogota OpeningSeatTaken"])),
            PlacementCase("an unknown placement", given: ready, when: .confirm(p1), then: .rejected("unknown-placement")),
            PlacementCase("confirming before approval", given: proposed, when: .confirm(p1), then: .rejected("not-approved")),
            PlacementCase(
                "confirming without training",
                given: [.open(bogota), .admit(emma, email: "e@jhu.edu"), .propose(p1, emma, bogota), .approve(p1)],
                when: .confirm(p1), then: .rejected("training-incomplete")),
            PlacementCase(
                "training completed after approval is enough",
                given: [.open(bogota), .admit(emma, email: "e@jhu.edu"), .propose(p1, emma, bogota), .approve(p1), .train(emma)],
                when: .confirm(p1), then: .events(["placement-plc_p1 PlacementConfirmed", "opening-opn_bogota OpeningSeatTaken"])),
            PlacementCase("confirming twice", given: confirmed, when: .confirm(p1), then: .rejected("already-confirmed")),
            PlacementCase(
                "confirming a withdrawn placement", given: approved + [.withdraw(p1)], when: .confirm(p1),
                then: .rejected("placement-ended")),
            PlacementCase("confirming a completed placement", given: completed, when: .confirm(p1), then: .rejected("placement-ended")),
        ])
    }

    func testWithdraw() {
        check([
            PlacementCase("from proposed", given: proposed, when: .withdraw(p1), then: .events(withdrawing)),
            PlacementCase("from approved", given: approved, when: .withdraw(p1, by: "scholar"), then: .events(withdrawing)),
            PlacementCase(
                "from confirmed: the seat is released", given: confirmed, when: .withdraw(p1, by: "host"),
                then: .events(withdrawing + ["opening-opn_bogota OpeningSeatReleased"])),
            PlacementCase("an unknown placement", given: ready, when: .withdraw(p1), then: .rejected("unknown-placement")),
            PlacementCase("withdrawing twice", given: withdrawn, when: .withdraw(p1), then: .rejected("placement-ended")),
            PlacementCase("withdrawing a completed placement", given: completed, when: .withdraw(p1), then: .rejected("placement-ended")),
            PlacementCase("a reason is required", given: proposed, when: .withdraw(p1, reason: "  "), then: .rejected("invalid-reason")),
            PlacementCase(
                "by scholar, host or staff only", given: proposed, when: .withdraw(p1, by: "mayor"), then: .rejected("invalid-withdrawn-by")
            ),
        ])
    }

    func testComplete() {
        check([
            PlacementCase(
                "a confirmed placement completes with its outcome", given: confirmed, when: .complete(p1),
                then: .events(["placement-plc_p1 PlacementCompleted", "scholar-sch_emma ScholarPlacementEnded"])),
            PlacementCase("an unknown placement", given: ready, when: .complete(p1), then: .rejected("unknown-placement")),
            PlacementCase("completing a proposal", given: proposed, when: .complete(p1), then: .rejected("not-confirmed")),
            PlacementCase("completing an approved placement", given: approved, when: .complete(p1), then: .rejected("not-confirmed")),
            PlacementCase(
                "completing a withdrawn placement", given: confirmed + [.withdraw(p1)], when: .complete(p1),
                then: .rejected("placement-ended")),
            PlacementCase("completing twice", given: completed, when: .complete(p1), then: .rejected("already-completed")),
            PlacementCase("an outcome is required", given: confirmed, when: .complete(p1, outcome: ""), then: .rejected("invalid-outcome")),
        ])
    }

    /// Terminal states never reopen: every command on them is refused and writes nothing.
    func testTerminalStatesRefuseEverything() {
        let ends: [(String, [Step])] = [
            ("withdrawn", withdrawn), ("withdrawn when confirmed", confirmed + [.withdraw(p1)]), ("completed", completed),
        ]
        let commands: [Step] = [.approve(p1), .confirm(p1), .withdraw(p1), .complete(p1), .propose(p1, emma, bogota)]
        for (name, given) in ends {
            check(commands.map { PlacementCase("\(name): \($0)", given: given, when: $0, then: .rejected(rule(for: $0, name))) })
        }
    }

    private func rule(for step: Step, _ end: String) -> String {
        switch step {
        case .propose: "duplicate-id"
        case .complete where end == "completed": "already-completed"
        default: "placement-ended"
        }
    }
}
