import Domain
import Events

/// One event in a placement's history as an auditor reads it: when, who, under which command,
/// what happened, the status it left, and the facts it recorded (why, by whom, the checks).
public struct PlacementHistoryEntry: Sendable, Equatable {
    public let position: Int64
    /// Canonical UTC with microseconds, exactly as the hash covers it.
    public let recordedAt: String
    /// Who the command was run on behalf of (`--actor`, `CITYLAB_ACTOR` or the OS user): kept, never the identity.
    public let actor: String
    /// The login the database authenticated (`session_user`); nil for events written before logins were recorded.
    public let login: String?
    public let commandID: String
    /// The command that wrote it (`placement confirm`).
    public let command: String
    /// The event type (`PlacementConfirmed`).
    public let event: String
    /// The placement's status right after this event.
    public let status: PlacementStatus?
    public var note: String?
    public var reason: String?
    public var withdrawnBy: String?
    /// The status a withdrawal left.
    public var withdrawnFrom: String?
    public var outcome: String?
    /// The checks recorded at confirmation.
    public var trainingCompletedAt: String?
    public var seatsTakenBefore: Int?
    public var seats: Int?

    /// Reads the event's own fields; `meta` is the stored metadata (actor, command, command_id).
    init(_ recorded: RecordedEvent, _ event: any DomainEvent, meta: JSONValue, status: PlacementStatus?) {
        position = recorded.position
        recordedAt = recorded.instant
        actor = meta["actor"]?.stringValue ?? "?"
        login = meta["login"]?.stringValue
        commandID = meta["command_id"]?.stringValue ?? "?"
        command = meta["command"]?.stringValue ?? "?"
        self.event = recorded.type
        self.status = status
        switch event {
        case let proposed as PlacementProposed: note = proposed.note
        case let confirmed as PlacementConfirmed:
            (trainingCompletedAt, seatsTakenBefore, seats) = (confirmed.trainingCompletedAt, confirmed.seatsTakenBefore, confirmed.seats)
        case let withdrawn as PlacementWithdrawn:
            (reason, withdrawnBy, withdrawnFrom) = (withdrawn.reason, withdrawn.by, withdrawn.from)
        case let completed as PlacementCompleted: outcome = completed.outcome
        default: break
        }
    }

    /// `by ana (on behalf of maria)`, `by ana` when she acted for herself, or `unauthenticated (on
    /// behalf of maria)` for an event written before logins were recorded.
    public var by: String {
        guard let login else { return "unauthenticated (on behalf of \(actor))" }
        return login == actor ? "by \(login)" : "by \(login) (on behalf of \(actor))"
    }

    /// The recorded facts as `label: value` pairs, in a fixed order (text and CSV share it).
    public var details: [(label: String, value: String)] {
        var details: [(String, String)] = []
        if let note { details.append(("note", note)) }
        if let trainingCompletedAt { details.append(("training completed", trainingCompletedAt)) }
        if let seatsTakenBefore, let seats { details.append(("seats taken then", "\(seatsTakenBefore) of \(seats)")) }
        if let withdrawnBy { details.append(("withdrawn by", withdrawnBy)) }
        if let withdrawnFrom { details.append(("from", withdrawnFrom)) }
        if let reason { details.append(("reason", reason)) }
        if let outcome { details.append(("outcome", outcome)) }
        return details
    }
}
