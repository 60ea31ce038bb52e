import Events

/// The placement aggregate (stream `placement-<plc_…>`): one scholar in one opening, through
/// its lifecycle. The same `evolve` serves commands, the placements read model and
/// `audit placements` (which shows this state as of any position).
public enum Placement: Decider {
    public struct State: Sendable, Equatable {
        public var proposal: PlacementProposed?
        public var status: PlacementStatus?
        /// Every status the placement has had, in order (the audit's history line).
        public var statuses: [PlacementStatus] = []
        public var confirmation: PlacementConfirmed?
        public var withdrawal: PlacementWithdrawn?
        public var completion: PlacementCompleted?

        public var exists: Bool { proposal != nil }
        public var isTerminal: Bool { status?.isTerminal ?? false }
        public var placement: PlacementID? { proposal?.placement }
        public var scholar: ScholarID? { proposal?.scholar }
        public var opening: OpeningID? { proposal?.opening }
        public var cohort: Int? { proposal?.cohort }
        public var note: String? { proposal?.note }
        public var trainingCompletedAt: String? { confirmation?.trainingCompletedAt }
        public var withdrawalReason: String? { withdrawal?.reason }
        public var withdrawnBy: String? { withdrawal?.by }
        public var outcome: String? { completion?.outcome }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let proposed as PlacementProposed:
            state.proposal = proposed
            state.move(to: .proposed)
        case is PlacementApproved: state.move(to: .approved)
        case let confirmed as PlacementConfirmed:
            state.confirmation = confirmed
            state.move(to: .confirmed)
        case let withdrawn as PlacementWithdrawn:
            state.withdrawal = withdrawn
            state.move(to: .withdrawn)
        case let completed as PlacementCompleted:
            state.completion = completed
            state.move(to: .completed)
        default: break
        }
        return state
    }
}

extension Placement.State {
    fileprivate mutating func move(to next: PlacementStatus) {
        status = next
        statuses.append(next)
    }
}
