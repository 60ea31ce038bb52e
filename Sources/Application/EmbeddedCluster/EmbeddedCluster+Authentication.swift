import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension EmbeddedCluster {
    /// Writes `pg_hba.conf` and `pg_ident.conf` (see `ClusterAuthentication`) when they differ from
    /// what they should be; returns whether anything changed, so a running server reloads them.
    func writeAuthentication(_ layout: ClusterLayout, user: ServerUser?) throws -> Bool {
        let authentication = authentication(layout, user: user)
        var changed = false
        for (name, text) in [("pg_hba.conf", authentication.hbaFile), ("pg_ident.conf", authentication.identFile)] {
            let file = layout.dataDirectory.appendingPathComponent(name)
            if (try? String(contentsOf: file, encoding: .utf8)) == text { continue }
            try Data(text.utf8).write(to: file, options: .atomic)
            _ = chmod(file.path, 0o600)
            try user?.own(file)
            changed = true
        }
        return changed
    }

    /// The server's OS user (root's `ServerUser`, else whoever owns the data directory, else us)
    /// and root may act as the superuser.
    func authentication(_ layout: ClusterLayout, user: ServerUser?) -> ClusterAuthentication {
        var info = stat()
        let ownerUID = user?.uid ?? (stat(layout.dataDirectory.path, &info) == 0 ? info.st_uid : geteuid())
        let owner = user?.name ?? OSUser.name(of: ownerUID) ?? OSUser.currentName
        return ClusterAuthentication(superuser: layout.superuser, owners: [owner, "root"])
    }

    /// The socket directory must be a real directory that only the server's user can write to:
    /// anyone else could replace the socket with a server of their own. Everyone may enter it
    /// (peer authentication decides who gets in as whom); a directory we own is fixed, another's refused.
    static func secureSocketDirectory(_ directory: URL, owner: uid_t) throws {
        var info = stat()
        guard lstat(directory.path, &info) == 0 else {
            throw EmbeddedClusterError.directoryNotWritable(path: directory.path, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw EmbeddedClusterError.socketDirectoryUnsafe(path: directory.path, reason: "it is not a directory (a symbolic link?)")
        }
        if info.st_uid != owner && !(ServerUser.isRoot && chown(directory.path, owner, gid_t(info.st_gid)) == 0) {
            let name = OSUser.name(of: info.st_uid) ?? String(info.st_uid)
            throw EmbeddedClusterError.socketDirectoryUnsafe(
                path: directory.path, reason: "it belongs to \(name), not to the server's user")
        }
        if info.st_mode & 0o7777 != 0o755 && chmod(directory.path, 0o755) != 0 {
            throw EmbeddedClusterError.socketDirectoryUnsafe(
                path: directory.path, reason: "cannot make it mode 0755: \(String(cString: strerror(errno)))")
        }
    }
}
