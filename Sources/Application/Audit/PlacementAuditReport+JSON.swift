import Domain
import Events

extension PlacementAudit.Report {
    /// `{"as_of": {…}, "placements": [{placement, scholar, opening, status, history: […]}]}`.
    public var json: JSONValue {
        var asOf: [String: JSONValue] = [
            "position": .int(cutoff.position), "recorded_at": cutoff.recordedAt.map(JSONValue.string) ?? .null,
            "head": .int(cutoff.head), "beyond_head": .bool(cutoff.isBeyondHead),
        ]
        switch cutoff.moment {
        case .now: break
        case .position(let asked): asOf["requested_position"] = .int(asked)
        case .instant: asOf["requested_as_of"] = cutoff.requestedInstant.map(JSONValue.string) ?? .null
        }
        var filters: [String: JSONValue] = [:]
        if let scholar { filters["scholar"] = .string(scholar.rawValue) }
        if let city { filters["city"] = .string(city) }
        return .object([
            "as_of": .object(asOf), "filters": .object(filters), "placements": .array(placements.map(Self.json)),
        ])
    }

    static func json(_ record: PlacementAuditRecord) -> JSONValue {
        .object([
            "placement": .string(record.placement.rawValue),
            "status": record.status.map { .string($0.rawValue) } ?? .null,
            "cohort": record.state.cohort.map { .int(Int64($0)) } ?? .null,
            "statuses": .array(record.state.statuses.map { .string($0.rawValue) }),
            "scholar": scholarJSON(record),
            "opening": openingJSON(record),
            "history": .array(record.history.map(json)),
        ])
    }

    static func scholarJSON(_ record: PlacementAuditRecord) -> JSONValue {
        var members: [String: JSONValue] = ["id": record.state.scholar.map { .string($0.rawValue) } ?? .null]
        if let admitted = record.scholar.admitted {
            members["name"] = .string(admitted.name)
            members["email"] = .string(admitted.email)
            members["university"] = .string(admitted.university)
            members["cohort"] = .int(Int64(admitted.cohort))
        }
        members["training_completed_at"] = record.scholar.trainingCompletedAt.map(JSONValue.string) ?? .null
        return .object(members)
    }

    static func openingJSON(_ record: PlacementAuditRecord) -> JSONValue {
        var members: [String: JSONValue] = ["id": record.state.opening.map { .string($0.rawValue) } ?? .null]
        if let created = record.opening.created {
            members["city"] = .string(created.city)
            members["country"] = .string(created.country)
            members["host"] = .string(created.host)
            members["project"] = .string(created.project)
            members["starts"] = .string(created.starts)
            members["ends"] = .string(created.ends)
            members["seats"] = .int(Int64(created.seats))
            members["cohort"] = .int(Int64(created.cohort))
        }
        members["seats_taken"] = .int(Int64(record.opening.seatsTaken))
        return .object(members)
    }

    static func json(_ entry: PlacementHistoryEntry) -> JSONValue {
        var members: [String: JSONValue] = [
            "position": .int(entry.position), "recorded_at": .string(entry.recordedAt), "actor": .string(entry.actor),
            "command_id": .string(entry.commandID), "command": .string(entry.command), "event": .string(entry.event),
            "status": entry.status.map { .string($0.rawValue) } ?? .null, "by": .string(entry.by),
            "login": entry.login.map { .string($0) } ?? .null,
        ]
        let optional: [(String, String?)] = [
            ("note", entry.note), ("reason", entry.reason), ("withdrawn_by", entry.withdrawnBy), ("withdrawn_from", entry.withdrawnFrom),
            ("outcome", entry.outcome), ("training_completed_at", entry.trainingCompletedAt),
        ]
        for case (let key, let value?) in optional { members[key] = .string(value) }
        if let taken = entry.seatsTakenBefore { members["seats_taken_before"] = .int(Int64(taken)) }
        if let seats = entry.seats { members["seats"] = .int(Int64(seats)) }
        return .object(members)
    }
}
