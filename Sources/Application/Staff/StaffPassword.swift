import Foundation

/// A staff login's password as read from `--password-file` (a file, or `-` for stdin), trailing
/// line break removed. Its description never shows it, so it cannot slip into output or errors.
public struct StaffPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let text: String

    public init(text: String) { self.text = text }

    public var description: String { "(password)" }
    public var debugDescription: String { "(password)" }

    /// Reads it; a missing, unreadable or empty file is a usage error naming the file, never its content.
    public static func read(file: String, standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) throws
        -> StaffPassword
    {
        let data: Data
        if file == "-" {
            data = standardInput()
        } else {
            guard let read = FileManager.default.contents(atPath: file) else {
                throw AppError.usage("cannot read the password file \(file)", hint: "give a readable file, or '-' to read stdin")
            }
            data = read
        }
        var text = String(decoding: data, as: UTF8.self)
        while let last = text.last, last == "\n" || last == "\r" { text.removeLast() }
        guard !text.isEmpty else {
            throw AppError.usage("the password file \(file) is empty", hint: "put the password on its first line")
        }
        guard !text.contains("\n"), !text.contains("\0") else {
            throw AppError.usage("the password file \(file) holds more than one line", hint: "put only the password in it")
        }
        return StaffPassword(text: text)
    }
}
