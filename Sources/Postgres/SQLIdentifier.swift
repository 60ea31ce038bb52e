import Foundation

/// Quoting for identifiers that cannot be bind parameters (LISTEN channels, database names).
public enum SQLIdentifier {
    /// `"name"` with embedded `"` doubled. Throws for an empty name or a NUL byte.
    public static func quote(_ name: String) throws -> String {
        guard !name.isEmpty, !name.utf8.contains(0) else {
            throw PostgresError(.query, "an SQL identifier must be non-empty and contain no NUL byte")
        }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `'text'` with embedded `'` doubled, for the few places that take no parameters (DDL options).
    public static func quoteLiteral(_ text: String) throws -> String {
        guard !text.utf8.contains(0) else {
            throw PostgresError(.query, "an SQL literal must contain no NUL byte")
        }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
