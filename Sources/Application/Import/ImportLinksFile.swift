import Foundation
import Glibc

/// The `--links FILE` of an import: `email,agenda_url` lines for the attendees just
/// registered, created new with mode 0600 (the links are secrets and shown nowhere else).
/// Created before anything is imported, so a bad path fails first (exit 2); an existing
/// file is never overwritten, since it may hold the only copy of earlier links.
public final class ImportLinksFile {
    public let path: String
    private let baseURL: String
    private let descriptor: Int32

    /// `baseURL` is the public URL the links start with (no trailing slash).
    public init(path: String, baseURL: String) throws(AppError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw AppError.usage("cannot create the links file \(path): \(reason)", hint: "give a new file name in a writable directory")
        }
        fchmod(descriptor, 0o600)
        (self.path, self.baseURL, self.descriptor) = (path, baseURL, descriptor)
        try write("email,agenda_url\n")
    }

    deinit { close(descriptor) }

    /// Appends one line per registration.
    public func write(_ registrations: [ImportedAttendee]) throws(AppError) {
        var text = ""
        for registration in registrations {
            text += Self.field(registration.email) + "," + Self.field("\(baseURL)/agenda/\(registration.token)") + "\n"
        }
        try write(text)
    }

    private func write(_ text: String) throws(AppError) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw AppError.usage("cannot write the links file \(path): \(String(cString: strerror(errno)))", hint: "check the disk")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// RFC 4180 quoting where a field needs it.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
