import Events

// Ending a placement: withdraw (from proposed, approved or confirmed) or complete (from
// confirmed). Both free the scholar's cohort on the scholar's stream; only withdrawing a
// confirmed placement frees its seat (a completed placement used it).
extension Placement {
    public struct Withdraw: Sendable {
        public var placement: PlacementID, reason: String
        /// `--by`: "scholar", "host" or "staff"; nil means staff.
        public var by: String?
        public init(placement: PlacementID, reason: String, by: String? = nil) {
            (self.placement, self.reason, self.by) = (placement, reason, by)
        }
    }

    /// Appends to the placement's and the scholar's streams, and to the opening's when the
    /// placement was confirmed (`Placement+Streams` reads those, so the append has their versions).
    public static func decide(_ command: Withdraw, _ state: State) throws(Rejection) -> [PendingEvent] {
        let proposal = try proposal(of: command.placement, in: state)
        guard let from = state.status, from.isActive else { throw ended(state) }
        let reason = try Validate.nonEmpty(command.reason, "reason", max: 2000)
        let by = try WithdrawnBy.parse(command.by)
        var events = [
            PendingEvent(
                .placement(proposal.placement),
                PlacementWithdrawn(
                    placement: proposal.placement, scholar: proposal.scholar, opening: proposal.opening, reason: reason,
                    by: by.rawValue, from: from.rawValue)),
            PendingEvent(
                .scholar(proposal.scholar),
                ScholarPlacementEnded(
                    scholar: proposal.scholar, placement: proposal.placement, cohort: proposal.cohort,
                    status: PlacementStatus.withdrawn.rawValue)),
        ]
        if from.holdsSeat {
            events.append(
                PendingEvent(
                    .opening(proposal.opening),
                    OpeningSeatReleased(opening: proposal.opening, placement: proposal.placement, scholar: proposal.scholar)))
        }
        return events
    }

    public struct Complete: Sendable {
        public var placement: PlacementID, outcome: String
        public init(placement: PlacementID, outcome: String) { (self.placement, self.outcome) = (placement, outcome) }
    }

    /// Only a confirmed placement completes. Appends to the placement's and the scholar's
    /// streams; the opening's seat stays taken.
    public static func decide(_ command: Complete, _ state: State) throws(Rejection) -> [PendingEvent] {
        let proposal = try proposal(of: command.placement, in: state)
        switch state.status {
        case .proposed?, .approved?, nil:
            throw Rejection(
                "not-confirmed",
                "placement \(proposal.placement) is \(state.status?.rawValue ?? "proposed"), not confirmed",
                hint: "only a confirmed placement can be completed; withdraw it instead if it will not happen")
        case .completed?:
            throw Rejection(
                "already-completed",
                "placement \(proposal.placement) was already completed (\(state.outcome ?? ""))", hint: "nothing to do")
        case .withdrawn?: throw ended(state)
        case .confirmed?: break
        }
        let outcome = try Validate.nonEmpty(command.outcome, "outcome", max: 2000)
        return [
            PendingEvent(
                .placement(proposal.placement),
                PlacementCompleted(
                    placement: proposal.placement, scholar: proposal.scholar, opening: proposal.opening, outcome: outcome)),
            PendingEvent(
                .scholar(proposal.scholar),
                ScholarPlacementEnded(
                    scholar: proposal.scholar, placement: proposal.placement, cohort: proposal.cohort,
                    status: PlacementStatus.completed.rawValue)),
        ]
    }
}
