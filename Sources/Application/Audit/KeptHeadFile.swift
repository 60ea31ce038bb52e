import Foundation

/// A file of kept heads, one line each, appended to by `audit head --to FILE`:
/// `POSITION:HASH KEPT_AT`, where `KEPT_AT` is when the line was written, ISO 8601 UTC to the
/// second (`1200:3f5a…c9 2026-10-14T13:00:05Z`). Lines are only ever appended (the file is
/// created when missing, never truncated), so a file kept elsewhere is a history of heads.
public enum KeptHeadFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The line for `head` kept at `now`, without its line feed.
    public static func line(_ head: String, keptAt now: Date) -> String {
        "\(head) \(now.formatted(.iso8601))"
    }

    /// Appends `line` and a line feed to the file at `path`, creating it (mode 0644) when missing;
    /// a file whose last line lacks its line feed gets one first, so lines never run together.
    public static func append(_ line: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path) to append: \(String(cString: strerror(errno)))") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var text = line + "\n"
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0,
            let reader = FileHandle(forReadingAtPath: path)
        {
            defer { try? reader.close() }
            try reader.seek(toOffset: UInt64(size - 1))
            if try reader.read(upToCount: 1) != Data("\n".utf8) { text = "\n" + text }
        }
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw Failure(description: "cannot append to \(path): \(error.localizedDescription)")
        }
    }

    /// The head (`POSITION:HASH`) on the last non-empty line of the file at `path`.
    public static func lastHead(in path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read \(path)")
        }
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
        guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw Failure(description: "\(path) holds no kept head")
        }
        return head(ofLine: String(last))
    }

    /// `POSITION:HASH` from a kept line (`POSITION:HASH KEPT_AT`) or from a bare head.
    public static func head(ofLine line: String) -> String {
        String(line.trimmingCharacters(in: .whitespaces).prefix { !$0.isWhitespace })
    }
}
