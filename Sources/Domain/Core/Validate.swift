import Foundation

/// Input checks shared by the deciders. Each throws a `Rejection` naming the field.
public enum Validate {
    public static func nonEmpty(_ value: String, _ field: String, max: Int = 200) throws(Rejection) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Rejection("invalid-\(field)", "\(field) must not be empty", hint: "give a \(field)") }
        guard trimmed.count <= max else {
            throw Rejection("invalid-\(field)", "\(field) is longer than \(max) characters", hint: "shorten the \(field)")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw Rejection(
                "invalid-\(field)", "\(field) contains control characters", hint: "remove line breaks and tabs from the \(field)")
        }
        return trimmed
    }

    public static func optional(_ value: String?, _ field: String, max: Int = 200) throws(Rejection) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try nonEmpty(value, field, max: max)
    }

    /// A practical address check (local@domain.tld, no spaces), lower-cased: emails are case-insensitive.
    public static func email(_ value: String) throws(Rejection) -> String {
        let email = value.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let ok =
            email.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !parts[1].contains("..")
            && !email.contains(where: { $0.isWhitespace || $0 == "," || $0 == "<" || $0 == ">" || $0 == "\"" })
        guard ok else {
            throw Rejection("invalid-email", "'\(value)' is not a valid email address", hint: "use the form name@example.org")
        }
        return email
    }

    public static func timeZone(_ identifier: String) throws(Rejection) -> TimeZone {
        guard identifier.contains("/") || identifier == "UTC", let zone = TimeZone(identifier: identifier) else {
            throw Rejection(
                "invalid-timezone", "'\(identifier)' is not a known IANA time zone",
                hint: "use a name like America/New_York or Europe/Paris")
        }
        return zone
    }
}
