import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The unprivileged account that runs initdb/pg_ctl/postgres when we are root (they refuse
/// root): `postgres` if it exists, else a `citylab` system user we create.
struct ServerUser: Sendable, Equatable {
    let name: String
    let uid: uid_t
    let gid: gid_t

    static var isRoot: Bool { geteuid() == 0 }

    /// nil when not root: then commands run as ourselves.
    static func forCurrentProcess() throws -> ServerUser? {
        guard isRoot else { return nil }
        if let user = lookup("postgres") ?? lookup("citylab") { return user }
        let useradd = ["/usr/sbin/useradd", "/sbin/useradd", "/usr/bin/useradd"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let useradd else {
            throw EmbeddedClusterError.serverUserUnavailable(reason: "no 'postgres' user and no useradd to create 'citylab'")
        }
        let outcome = try ServerProcessRunner(user: nil).run(
            URL(fileURLWithPath: useradd), ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "citylab"])
        guard let user = lookup("citylab") else {
            throw EmbeddedClusterError.serverUserUnavailable(reason: "useradd citylab failed: \(outcome.output)")
        }
        return user
    }

    static func lookup(_ name: String) -> ServerUser? {
        guard let entry = getpwnam(name) else { return nil }
        return ServerUser(name: name, uid: entry.pointee.pw_uid, gid: entry.pointee.pw_gid)
    }

    /// The command line that runs `executable` as this user.
    func wrap(_ executable: URL, _ arguments: [String]) -> (executable: URL, arguments: [String]) {
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        if let runuser {
            return (URL(fileURLWithPath: runuser), ["-u", name, "--", executable.path] + arguments)
        }
        return (
            URL(fileURLWithPath: "/usr/bin/setpriv"),
            ["--reuid=\(uid)", "--regid=\(gid)", "--init-groups", "--", executable.path] + arguments
        )
    }

    /// Whether this user can enter `directory`, which needs search permission on every parent.
    func canReach(_ directory: URL) -> Bool {
        let probe = (try? ServerProcessRunner(user: self).run(URL(fileURLWithPath: "/usr/bin/test"), ["-x", directory.path]))
        return probe?.status == 0
    }

    /// Gives `path` to this user (not recursive).
    func own(_ path: URL) throws {
        guard chown(path.path, uid, gid) == 0 else {
            throw EmbeddedClusterError.directoryNotWritable(
                path: path.path, reason: "chown to \(name) failed: \(String(cString: strerror(errno)))")
        }
    }
}
