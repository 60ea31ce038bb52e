import Events

/// The reservation of one address within a scope (stream `email-<scope>-<hash>`).
public enum EmailClaim: Decider {
    public struct State: Sendable, Equatable {
        /// The attendee or scholar id holding the address now, if any.
        public var holder: String?
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let claimed as EmailClaimed: state.holder = claimed.holder
        case let released as EmailReleased where released.holder == state.holder: state.holder = nil
        default: break
        }
        return state
    }
}
