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
        /// Where and when the session was before each reschedule: `history[n]` is its slot at
        /// sequence n (so a "moved" flag can say where it was when someone signed up).
        var history: [Slot]
        /// The sequence at which holders signed up, for those who did after a reschedule
        /// (absent: before any, sequence 0). A list, not a map: row keys are snake_cased.
        var joined: [Joined]

        /// The sequence `attendee` signed up at.
        func joined(_ attendee: String) -> Int { joined.first { $0.attendee == attendee }?.sequence ?? 0 }

        /// Records (or, at sequence 0 or nil, forgets) when `attendee` signed up.
        mutating func setJoined(_ attendee: String, _ sequence: Int?) {
            // Most sessions are never rescheduled: nothing recorded, nothing to walk.
            if !joined.isEmpty { joined.removeAll { $0.attendee == attendee } }
            if let sequence, sequence > 0 { joined.append(Joined(attendee: attendee, sequence: sequence)) }
        }
    }

    struct Joined: Codable, Sendable, Equatable {
        var attendee: String
        var sequence: Int
    }

    struct Slot: Codable, Sendable, Equatable {
        var starts: String
        var ends: String
        var room: String
    }
}

/// A row of `agenda_editions`.
struct AgendaEditionRow: Codable, Sendable {
    var conference: String
    var state: AgendaDocument.Edition
}
