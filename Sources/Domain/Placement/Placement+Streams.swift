import Events

// The placement commands over a `StreamReader`, reading lazily: the placement's stream
// first (it names the scholar and the opening), then only the streams the decision reads
// or appends to, so the append expects each of them unchanged. See events/README.md.
extension Placement {
    /// Reads placement (must be new), scholar and opening; appends to placement and scholar.
    public static func decide(_ command: Propose, _ streams: some StreamReader) throws -> [PendingEvent] {
        let placement = try streams.state(Placement.self, .placement(command.id))
        guard !placement.exists else { return try decide(command, placement: placement, scholar: .init(), opening: .init()) }
        let scholar = try streams.state(Scholar.self, .scholar(command.scholar))
        let opening = try streams.state(Opening.self, .opening(command.opening))
        return try decide(command, placement: placement, scholar: scholar, opening: opening)
    }

    /// Reads and appends to the placement only.
    public static func decide(_ command: Approve, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decide(command, try streams.state(Placement.self, .placement(command.placement)))
    }

    /// Reads placement, then (if approved) scholar and opening; appends to placement and opening.
    public static func decide(_ command: Confirm, _ streams: some StreamReader) throws -> [PendingEvent] {
        let placement = try streams.state(Placement.self, .placement(command.placement))
        guard let proposal = placement.proposal, placement.status == .approved else {
            return try decide(command, placement: placement, scholar: .init(), opening: .init())
        }
        let scholar = try streams.state(Scholar.self, .scholar(proposal.scholar))
        let opening = try streams.state(Opening.self, .opening(proposal.opening))
        return try decide(command, placement: placement, scholar: scholar, opening: opening)
    }

    /// Reads the placement, and the other streams the result appends to.
    public static func decide(_ command: Withdraw, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decideAndReadTargets(try decide(command, try streams.state(Placement.self, .placement(command.placement))), streams)
    }

    /// Reads the placement, and the scholar's stream the result appends to.
    public static func decide(_ command: Complete, _ streams: some StreamReader) throws -> [PendingEvent] {
        try decideAndReadTargets(try decide(command, try streams.state(Placement.self, .placement(command.placement))), streams)
    }

    /// Reads each stream the events go to, so the application knows (and expects) its version.
    private static func decideAndReadTargets(_ events: [PendingEvent], _ streams: some StreamReader) throws -> [PendingEvent] {
        for stream in Set(events.map(\.stream)).sorted() { _ = try streams.read(stream) }
        return events
    }
}
