/// Which roles of work may append each event type: the policy the append path enforces in the
/// database (table `event_authority`, seeded from this by the migration, held equal by a test)
/// and that `audit verify` replays. A type not listed here may be appended by no one.
public enum EventAuthority {
    public static let roles: [String: Set<StaffRole>] = {
        var table: [String: Set<StaffRole>] = [:]
        for type in EventCatalog.registration + EventCatalog.program { table[type.eventType] = [.organizer] }
        for type in EventCatalog.placement { table[type.eventType] = [.placements] }
        for type in EventCatalog.staff { table[type.eventType] = [.admin] }
        table[AttendeeCheckedIn.eventType] = [.organizer, .desk]
        // `scholar admit` claims the scholar's address as `attendee register` claims an attendee's.
        for type in [EmailClaimed.eventType, EmailReleased.eventType] { table[type] = [.organizer, .placements] }
        return table
    }()

    /// The roles that may append `type`; empty for an unknown type.
    public static func roles(for type: String) -> Set<StaffRole> { roles[type] ?? [] }
}
