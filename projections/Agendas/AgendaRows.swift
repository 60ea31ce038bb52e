/// A row of `agendas`: the document and what it is looked up by.
public struct AgendaRow: Codable, Sendable, Equatable {
    public var attendee: String
    public var conference: String
    public var email: String
    public var tokenHash: String
    public var lastChangedPosition: Int64
    public var document: AgendaDocument
}

/// What agendas need to know of a session (row of `agenda_sessions`): its details, and who
/// holds a seat or waits (in order), so a change reaches every agenda it appears on.
struct AgendaSessionRow: Codable, Sendable {
    var session: String
    var state: State

    struct State: Codable, Sendable {
        var conference: String
        var title: String
        var room: String
        var track: String?
        var speakers: [String]
        var starts: String
        var ends: String
        var isCancelled: Bool
        var sequence: Int
        var seats: [String]
        var waitlist: [String]
    }
}

/// A row of `agenda_editions`.
struct AgendaEditionRow: Codable, Sendable {
    var conference: String
    var state: AgendaDocument.Edition
}
