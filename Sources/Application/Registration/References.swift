import Domain
import Events
import Foundation

/// Turns what an organizer typed into typed ids: an attendee by id (`att_…`, or without the
/// prefix) or by email; a session by id (`ses_…`, or without the prefix).
public enum References {
    public static func attendee(_ text: String, conference: ConferenceID, _ streams: some StreamReader) throws -> AttendeeID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.contains("@") {
            guard let email = try? Validate.email(trimmed),
                let holder = try streams.state(EmailClaim.self, .emailClaim(scope: Attendee.emailScope(conference), email: email)).holder,
                let id = AttendeeID(holder)
            else {
                throw Rejection(
                    "unknown-attendee", "no active registration for \(trimmed) in \(conference)",
                    hint: "check the address, or list attendees with 'citylab attendee list'")
            }
            return id
        }
        if let id = AttendeeID(trimmed) ?? AttendeeID(AttendeeID.prefix + trimmed) { return id }
        throw Rejection("unknown-attendee", "'\(text)' is neither an attendee id nor an email", hint: "use att_… or the attendee's email")
    }

    public static func session(_ text: String) throws -> SessionID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = SessionID(trimmed) ?? SessionID(SessionID.prefix + trimmed) { return id }
        throw Rejection("unknown-session", "'\(text)' is not a session id", hint: "use ses_…; list sessions with 'citylab session list'")
    }

    public static func placement(_ text: String) throws -> PlacementID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = PlacementID(trimmed) ?? PlacementID(PlacementID.prefix + trimmed) { return id }
        throw Rejection("unknown-placement", "'\(text)' is not a placement id", hint: "use plc_…; list them with 'citylab placement list'")
    }

    public static func opening(_ text: String) throws -> OpeningID {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = OpeningID(trimmed) ?? OpeningID(OpeningID.prefix + trimmed) { return id }
        throw Rejection("unknown-opening", "'\(text)' is not an opening id", hint: "use opn_…")
    }
}
