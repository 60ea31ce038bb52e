import Events

// Typed values from what a user typed: a malformed login or an unknown role is a usage error
// (`invalid-…`, exit 2) that lists what would be accepted.
extension StaffMember {
    public static func login(_ text: String) throws(Rejection) -> StaffLogin {
        guard let login = StaffLogin(text) else {
            throw Rejection(
                "invalid-login", "'\(text)' is not a staff login",
                hint: "use 1–63 letters, digits, '_', '.', '-' or '@', not starting with "
                    + StaffLogin.reservedPrefixes.map { "'\($0)'" }.joined(separator: " or "))
        }
        return login
    }

    public static func role(_ text: String) throws(Rejection) -> StaffRole {
        guard let role = StaffRole(rawValue: text.lowercased()) else {
            throw Rejection(
                "invalid-role", "unknown role '\(text)'", hint: "roles: \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }
}
