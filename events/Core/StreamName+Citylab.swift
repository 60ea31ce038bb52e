// The stream of each aggregate. The consistency boundary of every decision is listed in events/README.md.
extension StreamName {
    public static func conference(_ id: ConferenceID) -> StreamName { StreamName(category: "conference", id: id.rawValue) }
    public static func attendee(_ id: AttendeeID) -> StreamName { StreamName(category: "attendee", id: id.rawValue) }
    public static func session(_ id: SessionID) -> StreamName { StreamName(category: "session", id: id.rawValue) }
    /// The edition's program: room bookings, so no room is double-booked.
    public static func program(_ id: ConferenceID) -> StreamName { StreamName(category: "program", id: id.rawValue) }
    public static func scholar(_ id: ScholarID) -> StreamName { StreamName(category: "scholar", id: id.rawValue) }
    public static func opening(_ id: OpeningID) -> StreamName { StreamName(category: "opening", id: id.rawValue) }
    public static func placement(_ id: PlacementID) -> StreamName { StreamName(category: "placement", id: id.rawValue) }

    /// A staff login: its roles of work, given and taken by admins.
    public static func staff(_ login: StaffLogin) -> StreamName { StreamName(category: "staff", id: login.rawValue) }

    /// Who holds an email address within a scope (an edition's registrations, or the scholars):
    /// the reservation that keeps one active registration per email. The id is a hash, so
    /// stream names never show an address.
    public static func emailClaim(scope: String, email: String) -> StreamName {
        let key = SHA256.hex(scope + "\n" + email.lowercased()).prefix(24)
        return StreamName(category: "email", id: "\(scope)-\(key)")
    }
}
