import Arguments

// TEMPORARY (wip/projections only): wires the query verbs until the lead adds them to the
// attendee, session, agenda and placement groups. Delete this file and its line in CommandTree.
enum TemporaryQueryWiring {
    static let attendee = CommandSpec(
        AttendeeGroup.spec.name, abstract: AttendeeGroup.spec.abstract,
        subcommands: AttendeeGroup.spec.subcommands + [AttendeeListCommand.spec])

    static let groups: [(spec: CommandSpec, verbs: [String: Verb])] = [
        (
            CommandSpec("session", abstract: "Sessions.", subcommands: [SessionListCommand.spec, SessionRosterCommand.spec]),
            ["session list": SessionListCommand.verb, "session roster": SessionRosterCommand.verb]
        ),
        (CommandSpec("agenda", abstract: "Agendas.", subcommands: [AgendaShowCommand.spec]), ["agenda show": AgendaShowCommand.verb]),
        (
            CommandSpec("placement", abstract: "Placements.", subcommands: [PlacementListCommand.spec]),
            ["placement list": PlacementListCommand.verb]
        ),
    ]
}
