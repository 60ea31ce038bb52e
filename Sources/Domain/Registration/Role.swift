/// Who an attendee is at the conference (CONTRACT: `attendee register --role`).
public enum Role: String, CaseIterable, Sendable {
    case mayor
    case cityInnovator = "city-innovator"
    case artist, funder, academic, urbanist, speaker, staff, press, other

    public static var names: [String] { allCases.map(\.rawValue) }

    public static func parse(_ text: String) throws(Rejection) -> Role {
        guard let role = Role(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw Rejection("invalid-role", "'\(text)' is not a role", hint: "use one of: \(names.joined(separator: ", "))")
        }
        return role
    }
}
