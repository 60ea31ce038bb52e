import Domain
import Events
import Postgres

/// The `attendees` read model: one row per registration, its status and current agenda-token hash.
public struct AttendeesProjection: Projection {
    public let name = "attendees"
    public let version = 1
    public let tables = ["attendees"]
    public let eventTypes: Set<String> = [
        AttendeeRegistered.eventType, AttendeeCancelled.eventType, AttendeeCheckedIn.eventType, AgendaLinkReissued.eventType,
    ]

    public init() {}

    public func makeFold(_ tables: TableNames, startsEmpty: Bool) -> any ProjectionFold {
        AttendeesFold(RowStore(table: tables("attendees"), keys: ["id"], startsEmpty: startsEmpty) { [$0.id] })
    }
}

/// A row of `attendees`.
public struct AttendeeRow: Codable, Sendable, Equatable {
    public var id: String
    public var conference: String
    public var name: String
    public var email: String
    public var role: String
    public var organization: String?
    public var city: String?
    public var status: Attendee.Status
    public var checkedInAt: String?
    public var tokenHash: String
    public var registeredAt: String
    public var updatedPosition: Int64
}

final class AttendeesFold: ProjectionFold {
    private let rows: RowStore<AttendeeRow>

    init(_ rows: RowStore<AttendeeRow>) { self.rows = rows }

    var cachedRows: Int { rows.count }

    func apply(_ events: [ProjectedEvent], _ connection: Connection) throws {
        if !rows.isComplete { try rows.load(events.compactMap { Self.attendee(of: $0.event) }, connection) }
        for recorded in events {
            // The most frequent first: each case is a cast tried in turn.
            switch recorded.event {
            case let registered as AttendeeRegistered:
                rows.put(
                    AttendeeRow(
                        id: registered.attendee.rawValue, conference: registered.conference.rawValue, name: registered.name,
                        email: registered.email, role: registered.role, organization: registered.organization, city: registered.city,
                        status: .registered, checkedInAt: nil, tokenHash: registered.tokenHash,
                        registeredAt: recorded.instant, updatedPosition: recorded.position))
            case let checkedIn as AttendeeCheckedIn:
                update(checkedIn.attendee, recorded) {
                    $0.status = .checkedIn
                    $0.checkedInAt = Instant.seconds(checkedIn.at)
                }
            case let reissued as AgendaLinkReissued:
                update(reissued.attendee, recorded) { $0.tokenHash = reissued.tokenHash }
            case let cancelled as AttendeeCancelled:
                update(cancelled.attendee, recorded) { $0.status = .cancelled }
            default: break
            }
        }
    }

    func flush(_ connection: Connection, keepCache: Bool) throws { try rows.flush(connection, keepCache: keepCache) }

    private func update(_ id: AttendeeID, _ recorded: ProjectedEvent, _ change: (inout AttendeeRow) -> Void) {
        rows.update(id.rawValue) { row in
            change(&row)
            row.updatedPosition = recorded.position
        }
    }

    private static func attendee(of event: any DomainEvent) -> String? {
        switch event {
        case let e as AttendeeCancelled: return e.attendee.rawValue
        case let e as AttendeeCheckedIn: return e.attendee.rawValue
        case let e as AgendaLinkReissued: return e.attendee.rawValue
        default: return nil
        }
    }
}
