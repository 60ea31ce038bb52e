import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The OS user running this process: with peer authentication, the login role it connects as.
public enum OSUser {
    /// The name of the effective user (`getpwuid(geteuid())`), else `$USER`, else the uid.
    public static var currentName: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        if let name = ProcessInfo.processInfo.environment["USER"], !name.isEmpty { return name }
        return String(geteuid())
    }

    /// The name of the user with `uid`, or nil.
    static func name(of uid: uid_t) -> String? {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
