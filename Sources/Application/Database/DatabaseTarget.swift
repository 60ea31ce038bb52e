import Foundation
import Postgres

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

    /// The URL or key=value conninfo with any password replaced by `***`, safe to print
    /// (quoted passwords such as `password='a b'` included).
    public static func redact(_ url: String) -> String {
        SecretScrubber.scrub(url)
    }
}
