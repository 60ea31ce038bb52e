import Domain
import Events

extension SampleScholars {
    /// The summer, step by step: admissions, openings, training, proposals and approvals,
    /// one withdrawal by the host and a new proposal, confirmations, and completions.
    var steps: [SampleStep] {
        let (people, posts, proposals, outcomes) = (self.people, self.posts, self.proposals, self.outcomes)
        let moved = proposals[withdrawn]
        let kept = proposals.indices.filter { $0 != withdrawn }
        let firstRound = Array(proposals.indices.prefix(withdrawn + 1))
        let secondRound = Array(proposals.indices.suffix(from: withdrawn + 1))
        return [
            SampleStep(
                name: "scholars-admit", command: "scholar admit", actor: SampleActors.scholarsCoordinator,
                note: "Admitting \(people.count) Summer Scholars"
            ) { reader in
                for person in people {
                    let admit = Scholar.Admit(
                        id: person.id, name: person.name, email: person.email, university: Self.university, cohort: SampleStory.cohort,
                        defaultCohort: SampleStory.cohort)
                    try reader.keep(Scholar.decide(admit, reader))
                }
            },
            SampleStep(
                name: "openings", command: "opening create", actor: SampleActors.scholarsCoordinator,
                note: "Opening placements in \(posts.count) city halls"
            ) { reader in
                for post in posts { try reader.keep(Opening.decide(post.create, reader)) }
            },
            SampleStep(
                name: "training", command: "scholar complete-training", actor: SampleActors.trainer,
                note: "Recording innovation-methods training"
            ) { reader in
                for (index, person) in people.enumerated() {
                    let command = Scholar.CompleteTraining(scholar: person.id, now: Self.trainingDay(index))
                    try reader.keep(Scholar.decide(command, reader))
                }
            },
            propose("propose", firstRound),
            approve("approve", firstRound),
            SampleStep(
                name: "withdraw", command: "placement withdraw", actor: SampleActors.saltLakeCityHost,
                note: "The host withdraws one placement"
            ) { reader in
                let reason =
                    "Salt Lake City can host one scholar this summer; \(people[moved.scholar].name) joins Reykjavík's redesign instead."
                try reader.keep(Placement.decide(Placement.Withdraw(placement: moved.id, reason: reason, by: "host"), reader))
            },
            propose("propose-again", secondRound),
            approve("approve-again", secondRound),
        ]
            + kept.map { index in
                // Each scholar confirms their own placement: one append each, by them.
                let scholar = people[proposals[index].scholar].name
                return SampleStep(
                    name: "confirm-\(index + 1)", command: "placement confirm", actor: SampleActors.scholar(scholar),
                    note: "\(scholar) confirms their placement"
                ) { reader in
                    try reader.keep(Placement.decide(Placement.Confirm(placement: proposals[index].id), reader))
                }
            } + [
                SampleStep(
                    name: "complete", command: "placement complete", actor: SampleActors.scholarsCoordinator,
                    note: "Placements completed at the end of the summer"
                ) {
                    reader in
                    for index in kept {
                        let outcome = outcomes[index] ?? "Completed the placement."
                        try reader.keep(Placement.decide(Placement.Complete(placement: proposals[index].id, outcome: outcome), reader))
                    }
                }
            ]
    }

    private func propose(_ name: String, _ indices: [Int]) -> SampleStep {
        let (people, posts, proposals) = (self.people, self.posts, self.proposals)
        return SampleStep(
            name: name, command: "placement propose", actor: SampleActors.scholarsCoordinator, note: "Proposing scholars to city halls"
        ) { reader in
            for index in indices {
                let proposal = proposals[index]
                let command = Placement.Propose(
                    id: proposal.id, scholar: people[proposal.scholar].id, opening: posts[proposal.opening].id, note: proposal.note)
                try reader.keep(Placement.decide(command, reader))
            }
        }
    }

    private func approve(_ name: String, _ indices: [Int]) -> SampleStep {
        let proposals = self.proposals
        return SampleStep(
            name: name, command: "placement approve", actor: SampleActors.scholarsDirector, note: "Staff approve the proposals"
        ) { reader in
            for index in indices { try reader.keep(Placement.decide(Placement.Approve(placement: proposals[index].id), reader)) }
        }
    }
}
