import Foundation

extension EmbeddedCluster {
    /// Why `directory` could not be created, in words that point at the fix: the nearest
    /// existing ancestor is a file, is on a read-only file system, or is not writable by this
    /// user (permission bits do not stop root, so the first two are checked first).
    static func whyNotCreatable(_ directory: URL, error: Error) -> String {
        var ancestor = directory.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while ancestor.path != "/" && !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) {
            ancestor = ancestor.deletingLastPathComponent()
        }
        if !FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory) || !isDirectory.boolValue {
            return "\(ancestor.path) is a file, not a directory"
        }
        var info = statvfs()
        if statvfs(ancestor.path, &info) == 0 && info.f_flag & UInt(ST_RDONLY) != 0 {
            return "\(ancestor.path) is on a read-only file system"
        }
        if !FileManager.default.isWritableFile(atPath: ancestor.path) {
            return "\(ancestor.path) is not writable by this user"
        }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return error.localizedDescription
    }
}
