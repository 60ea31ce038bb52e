import Foundation

/// The commands in the README's ```sh blocks, in order: continuation lines joined, comment-only
/// and blank lines dropped. What a reader would copy into a terminal.
struct ReadmeCommands {
    let text: String
    let commands: [String]

    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    static func load() throws -> ReadmeCommands {
        let text = try String(contentsOf: file, encoding: .utf8)
        return ReadmeCommands(text: text, commands: parse(text))
    }

    static func parse(_ text: String) -> [String] {
        var commands: [String] = []
        var inBlock = false
        var pending = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                inBlock = !inBlock && line == "```sh"
                continue
            }
            guard inBlock else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            commands.append(pending + trimmed)
            pending = ""
        }
        return commands
    }

    /// The command without its trailing `# comment` (a `#` after a space, outside quotes).
    static func bare(_ command: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (offset, character) in command.enumerated() {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous == " " {
                return String(command.prefix(offset)).trimmingCharacters(in: .whitespaces)
            }
            previous = character
        }
        return command
    }

    /// Every `http://127.0.0.1:8080/…` and backticked `/…` path in the prose, e.g. `/health`.
    var paths: [String] {
        let pattern = #"(?:http://127\.0\.0\.1:8080|`)(/[a-z.]+)(?=[`\s),.]|$)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        let found = regex.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
        return Array(Set(found)).sorted()
    }
}
