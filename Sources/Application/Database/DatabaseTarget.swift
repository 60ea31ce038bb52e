import Foundation

/// Where the database is: a URL given by `--database-url` / `CITYLAB_DATABASE_URL`, or the
/// embedded private cluster under `$CITYLAB_HOME` (default `./.citylab`).
public enum DatabaseTarget: Sendable {
    case url(String)
    case embedded(home: URL)

    public static func resolve(flag: String?, environment: [String: String]) -> DatabaseTarget {
        if let flag, !flag.isEmpty { return .url(flag) }
        if let env = environment["CITYLAB_DATABASE_URL"], !env.isEmpty { return .url(env) }
        return .embedded(home: EmbeddedCluster.defaultHome(environment: environment))
    }

    /// The URL with any password replaced by `***`, safe to print.
    public static func redact(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@") {
            let userinfo = text[scheme.upperBound..<at]
            if let colon = userinfo.firstIndex(of: ":") { text.replaceSubrange(colon..<at, with: ":***") }
        }
        if let range = text.range(of: #"password=[^&\s]*"#, options: .regularExpression) {
            text.replaceSubrange(range, with: "password=***")
        }
        return text
    }
}
