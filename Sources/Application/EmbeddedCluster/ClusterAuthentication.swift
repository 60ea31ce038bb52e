/// How the embedded cluster lets clients in, written as `pg_hba.conf` and `pg_ident.conf` on every
/// start (so a cluster made by an older citylab with `trust` is closed too). No `trust` anywhere:
/// the unix socket authenticates by `peer` (the kernel tells the server which OS user connects)
/// through the map `citylab` (members of `citylab_password_login` by password), TCP (only when the cluster listens on it) by `scram-sha-256`.
/// The map lets every OS user in as the login role of the same name only, and lets the cluster's
/// owners (the OS user who runs the server, and root) in as the bootstrap superuser too.
struct ClusterAuthentication: Sendable, Equatable {
    static let mapName = "citylab"
    /// Logins that are members of this group role authenticate on the socket by password
    /// (scram-sha-256) instead of peer: for a login no OS user is named after (tests, shared accounts).
    static let passwordGroup = "citylab_password_login"
    /// Spoken by `db status`.
    static let summary = "peer on the unix socket (each OS user as the login of the same name), scram-sha-256 over TCP"

    /// The bootstrap superuser's role name.
    let superuser: String
    /// OS users who may connect as `superuser`: the server's OS user and root.
    let owners: [String]

    var hbaFile: String {
        """
        # Written by citylab on every 'citylab db start'; edits here are replaced.
        # TYPE  DATABASE     USER  ADDRESS  METHOD
        local   all          +\(Self.passwordGroup)  scram-sha-256
        local   all          all            peer map=\(Self.mapName)
        local   replication  all            peer map=\(Self.mapName)
        host    all          all   all      scram-sha-256
        host    replication  all   all      scram-sha-256

        """
    }

    var identFile: String {
        var lines = [
            "# Written by citylab on every 'citylab db start'; edits here are replaced.",
            "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME",
            "# Every OS user as the login role of the same name, except the bootstrap superuser's name:",
            "\(Self.mapName)  \"/^(?!\(Self.regexEscaped(superuser))$)(.*)$\"  \\1",
            "# The cluster's owners as the bootstrap superuser, for the cluster's own tooling:",
        ]
        var seen = Set<String>()
        for owner in owners where seen.insert(owner).inserted {
            lines.append("\(Self.mapName)  \"\(owner)\"  \"\(superuser)\"")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `name` with every regular-expression metacharacter escaped.
    static func regexEscaped(_ name: String) -> String {
        var escaped = ""
        for character in name {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
