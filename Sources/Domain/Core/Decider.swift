import Events

/// The shape of every aggregate: an initial state and a pure `evolve`. Each command has a
/// pure static `decide(command, state…) throws(Rejection) -> [PendingEvent]` beside it.
/// No I/O, no clock, no randomness: ids and times arrive inside the command.
public protocol Decider {
    associatedtype State: Sendable
    static var initialState: State { get }
    static func evolve(_ state: State, _ event: any DomainEvent) -> State
}

extension Decider {
    public static func fold<S: Sequence>(_ events: S) -> State where S.Element == any DomainEvent {
        events.reduce(initialState, evolve)
    }

    /// `fold(events: [a, b])` for literal lists of different event types.
    public static func fold(events: [any DomainEvent]) -> State {
        events.reduce(initialState, evolve)
    }
}
