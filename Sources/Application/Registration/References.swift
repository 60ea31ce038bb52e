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
        if let id = try parse(trimmed, as: AttendeeID.self) { return id }
        throw Rejection("unknown-attendee", "'\(text)' is neither an attendee id nor an email", hint: "use att_… or the attendee's email")
    }

    public static func session(_ text: String) throws -> SessionID {
        try id(text, hint: "use ses_…; list sessions with 'citylab session list'")
    }

    public static func placement(_ text: String) throws -> PlacementID {
        try id(text, hint: "use plc_…; list them with 'citylab placement list'")
    }

    public static func opening(_ text: String) throws -> OpeningID {
        try id(text, hint: "use opn_…")
    }

    /// A typed id as given (`ses_x`) or without its prefix (`x`); nil when neither parses.
    /// Another kind's id (`att_x` where a session is wanted) is a usage error naming the
    /// expected prefix, rather than becoming `ses_att_x`.
    public static func parse<ID: TypedID>(_ text: String, as type: ID.Type = ID.self) throws -> ID? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = ID(trimmed) { return id }
        if let other = otherKinds.first(where: { $0.prefix != ID.prefix && trimmed.hasPrefix($0.prefix) }) {
            throw AppError.usage(
                "'\(trimmed)' is \(article(other.noun)) \(other.noun) id, not \(article(ID.noun)) \(ID.noun) id",
                hint: "give \(article(ID.noun)) \(ID.noun) id, which starts with \(ID.prefix)")
        }
        return ID(ID.prefix + trimmed)
    }

    /// Every kind of typed id, by prefix, to recognize one given in the wrong place.
    static let otherKinds: [(prefix: String, noun: String)] = [
        (AttendeeID.prefix, AttendeeID.noun), (SessionID.prefix, SessionID.noun), (ScholarID.prefix, ScholarID.noun),
        (OpeningID.prefix, OpeningID.noun), (PlacementID.prefix, PlacementID.noun),
    ]

    static func article(_ noun: String) -> String { "aeiou".contains(noun.prefix(1)) ? "an" : "a" }

    /// `parse`, or the `unknown-<noun>` refusal.
    static func id<ID: TypedID>(_ text: String, hint: String) throws -> ID {
        guard let id = try parse(text, as: ID.self) else {
            throw Rejection("unknown-\(ID.noun)", "'\(text)' is not a \(ID.noun) id", hint: hint)
        }
        return id
    }
}
