import Foundation

/// Edits to a connection string that keep its form (URL or key=value).
public enum ConnectionString {
    /// The same server and credentials with another database name.
    public static func replacingDatabase(in conninfo: String, with database: String) -> String {
        let trimmed = conninfo.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://"),
            let schemeEnd = trimmed.range(of: "://")
        else {
            // In key=value form a later keyword wins over an earlier one.
            let escaped = database.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            return trimmed + " dbname='" + escaped + "'"
        }
        let rest = trimmed[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let queryStart = rest[authorityEnd...].firstIndex(of: "?") ?? rest.endIndex
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let encoded = database.addingPercentEncoding(withAllowedCharacters: allowed) ?? database
        return String(trimmed[..<authorityEnd]) + "/" + encoded + String(rest[queryStart...])
    }
}
