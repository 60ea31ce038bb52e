import Events

// The placement commands as pure decisions over the states they need. Each returns the
// events to append (to the placement's stream and, where a boundary needs it, the
// scholar's or the opening's) or throws the rule that refused it. `Placement+Streams`
// loads the right streams for each.
extension Placement {
    public struct Propose: Sendable {
        public var id: PlacementID, scholar: ScholarID, opening: OpeningID, note: String?
        public init(id: PlacementID, scholar: ScholarID, opening: OpeningID, note: String? = nil) {
            (self.id, self.scholar, self.opening, self.note) = (id, scholar, opening, note)
        }
    }

    /// One active placement per scholar per cohort (boundary: the scholar's stream, which
    /// gets `ScholarPlacementProposed`); the cohorts of scholar and opening must match.
    public static func decide(
        _ command: Propose, placement: State, scholar: Scholar.State, opening: Opening.State
    ) throws(Rejection) -> [PendingEvent] {
        guard !placement.exists else {
            throw Rejection("duplicate-id", "\(command.id) already exists", hint: "choose another --id, or leave --id out")
        }
        guard let admitted = scholar.admitted else { throw Scholar.unknown(command.scholar) }
        guard let created = opening.created else { throw Opening.unknown(command.opening) }
        guard admitted.cohort == created.cohort else {
            throw Rejection(
                "cohort-mismatch",
                "scholar \(admitted.scholar) is in cohort \(admitted.cohort) but opening \(created.opening) "
                    + "(\(created.city), \(created.project)) is for cohort \(created.cohort)",
                hint: "propose the scholar for an opening of cohort \(admitted.cohort)")
        }
        if let active = scholar.active[admitted.cohort] {
            if active.opening == created.opening {
                throw Rejection(
                    "duplicate-proposal",
                    "scholar \(admitted.scholar) is already proposed for opening \(created.opening) as \(active.placement)",
                    hint: "carry on with \(active.placement), or withdraw it first")
            }
            throw Rejection(
                "scholar-has-active-placement",
                "scholar \(admitted.scholar) already has placement \(active.placement) (opening \(active.opening)) "
                    + "active in cohort \(admitted.cohort)",
                hint: "withdraw \(active.placement) first with 'citylab placement withdraw \(active.placement) --reason …'")
        }
        let note = try Validate.optional(command.note, "note", max: 2000)
        return [
            PendingEvent(
                .placement(command.id),
                PlacementProposed(
                    placement: command.id, scholar: admitted.scholar, opening: created.opening, cohort: created.cohort,
                    note: note)),
            PendingEvent(
                .scholar(admitted.scholar),
                ScholarPlacementProposed(
                    scholar: admitted.scholar, placement: command.id, opening: created.opening, cohort: created.cohort)),
        ]
    }

    public struct Approve: Sendable {
        public var placement: PlacementID
        public init(placement: PlacementID) { self.placement = placement }
    }

    /// Staff approval of a proposed placement; reads and writes only the placement's stream.
    public static func decide(_ command: Approve, _ state: State) throws(Rejection) -> [PendingEvent] {
        let proposal = try proposal(of: command.placement, in: state)
        switch state.status {
        case .approved?, .confirmed?:
            throw Rejection(
                "already-approved", "placement \(proposal.placement) is already \(state.status?.rawValue ?? "approved")",
                hint: "nothing to do; the scholar confirms it with 'citylab placement confirm \(proposal.placement)'")
        case .withdrawn?, .completed?: throw ended(state)
        case .proposed?, nil: break
        }
        let approved = PlacementApproved(placement: proposal.placement, scholar: proposal.scholar, opening: proposal.opening)
        return [PendingEvent(.placement(proposal.placement), approved)]
    }

    public struct Confirm: Sendable {
        public var placement: PlacementID
        public init(placement: PlacementID) { self.placement = placement }
    }

    /// The scholar accepts an approved placement: requires completed training and a free
    /// seat. Writes `OpeningSeatTaken` to the opening's stream, so racing confirms conflict.
    public static func decide(
        _ command: Confirm, placement state: State, scholar: Scholar.State, opening: Opening.State
    ) throws(Rejection) -> [PendingEvent] {
        let proposal = try proposal(of: command.placement, in: state)
        switch state.status {
        case .proposed?, nil:
            throw Rejection(
                "not-approved", "placement \(proposal.placement) is proposed but not yet approved",
                hint: "staff approve it first with 'citylab placement approve \(proposal.placement)'")
        case .confirmed?:
            throw Rejection(
                "already-confirmed", "placement \(proposal.placement) is already confirmed", hint: "nothing to do")
        case .withdrawn?, .completed?: throw ended(state)
        case .approved?: break
        }
        guard scholar.exists else { throw Scholar.unknown(proposal.scholar) }
        guard let trainedAt = scholar.trainingCompletedAt else {
            throw Rejection(
                "training-incomplete", "scholar \(proposal.scholar) has not completed innovation-methods training",
                hint: "record it with 'citylab scholar complete-training \(proposal.scholar)', then confirm")
        }
        guard let created = opening.created else { throw Opening.unknown(proposal.opening) }
        guard opening.hasFreeSeat else {
            let holders = opening.seatHolders.map(\.rawValue).joined(separator: ", ")
            throw Rejection(
                "opening-full",
                "opening \(created.opening) (\(created.city), \(created.project)) is full: "
                    + "\(opening.seatsTaken) of \(created.seats) seats taken by \(holders)",
                hint: "only withdrawing one of those confirmed placements frees a seat ('citylab placement withdraw PLC --reason …'; "
                    + "completed ones keep theirs); or propose the scholar for another opening, or create one with 'citylab opening create'"
            )
        }
        let confirmed = PlacementConfirmed(
            placement: proposal.placement, scholar: proposal.scholar, opening: proposal.opening,
            trainingCompletedAt: trainedAt, seatsTakenBefore: opening.seatsTaken, seats: created.seats)
        let taken = OpeningSeatTaken(opening: proposal.opening, placement: proposal.placement, scholar: proposal.scholar)
        return [PendingEvent(.placement(proposal.placement), confirmed), PendingEvent(.opening(proposal.opening), taken)]
    }

    /// The placement's proposal, or `unknown-placement`.
    static func proposal(of id: PlacementID, in state: State) throws(Rejection) -> PlacementProposed {
        guard let proposal = state.proposal else {
            throw Rejection("unknown-placement", "no placement \(id)", hint: "check the id with 'citylab placement list'")
        }
        return proposal
    }

    /// The refusal for any command on a withdrawn or completed placement: they never reopen.
    static func ended(_ state: State) -> Rejection {
        let id = state.placement?.rawValue ?? "the placement"
        let how =
            if let withdrawal = state.withdrawal {
                "was withdrawn by \(withdrawal.by) (\(withdrawal.reason))"
            } else {
                "was completed"
            }
        return Rejection(
            "placement-ended", "placement \(id) \(how); ended placements never reopen",
            hint: "propose the scholar again with 'citylab placement propose'")
    }
}
