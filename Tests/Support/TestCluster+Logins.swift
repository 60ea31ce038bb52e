import Foundation
import Postgres

extension TestCluster {
    /// Makes login role `name`, a member of `roles` (e.g. `citylab_organizer`), and returns
    /// `databaseURL` connecting as it (see `passwordURL`). Roles are cluster-wide: use unique
    /// names and `dropLogin` afterwards.
    public func makeLogin(_ name: String, roles: [String] = [], databaseURL: String) throws -> String {
        let admin = try Connection(adminURL)
        defer { admin.close() }
        var sql = "CREATE ROLE \(try SQLIdentifier.quote(name)) LOGIN"
        if !roles.isEmpty { sql += " IN ROLE " + (try roles.map { try SQLIdentifier.quote($0) }.joined(separator: ", ")) }
        try admin.simpleQuery(sql)
        return try passwordURL(databaseURL, login: name)
    }

    /// `databaseURL` connecting as the existing role `login`, which gets a random password for
    /// it. The embedded cluster authenticates by peer (OS user = login), so the login also joins
    /// `citylab_password_login`, whose members it authenticates by password on the socket.
    public func passwordURL(_ databaseURL: String, login: String) throws -> String {
        let password = String(UInt64.random(in: 0...UInt64.max), radix: 36) + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let admin = try Connection(adminURL)
        defer { admin.close() }
        let quoted = try SQLIdentifier.quote(login)
        try admin.simpleQuery("ALTER ROLE \(quoted) PASSWORD '\(password)'")
        if try !admin.query("SELECT 1 AS one FROM pg_roles WHERE rolname = 'citylab_password_login'").rows.isEmpty {
            try admin.simpleQuery("GRANT citylab_password_login TO \(quoted)")
        }
        return Self.url(databaseURL, user: login, password: password)
    }

    /// Drops a login made by `makeLogin` (it must own nothing by then).
    public func dropLogin(_ name: String) throws {
        let admin = try Connection(adminURL)
        defer { admin.close() }
        try admin.simpleQuery("DROP ROLE IF EXISTS \(try SQLIdentifier.quote(name))")
    }

    /// `url` (a URL or key=value conninfo) connecting as `user` with `password`.
    public static func url(_ url: String, user: String, password: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        guard let schemeEnd = url.range(of: "://"), url.hasPrefix("postgres") else {
            return url + " user='\(user)' password='\(password)'"
        }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let hostStart = rest[..<authorityEnd].lastIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        let encodedUser = user.addingPercentEncoding(withAllowedCharacters: allowed) ?? user
        let encodedPassword = password.addingPercentEncoding(withAllowedCharacters: allowed) ?? password
        return String(url[..<schemeEnd.upperBound]) + "\(encodedUser):\(encodedPassword)@" + String(rest[hostStart...])
    }
}
