import Application
import Events
import Foundation

/// Everything the CLI prints: human lines by default, exactly one JSON object with `--json`;
/// errors on stderr as `error: …` and `hint: …`.
enum Output {
    enum Failure {
        case usage, database, conflict, internalError, notPermitted
        case rejected(rule: String)

        var code: String {
            switch self {
            case .usage: return "usage"
            case .database: return "database"
            case .conflict: return "conflict"
            case .internalError: return "internal"
            case .notPermitted: return "not-permitted"
            case .rejected(let rule): return rule
            }
        }

        var isDatabase: Bool {
            if case .database = self { return true }
            return false
        }
    }

    static func line(_ text: String) {
        print(text)
    }

    static func json(_ value: JSONValue) {
        print(CanonicalJSON.string(value))
    }

    /// Prints a write command's outcome: its message (or the replay note) and extra lines;
    /// with `--json`, the stored result plus `extra`.
    static func outcome(_ outcome: CommandOutcome, json: Bool, humanExtra: [String] = [], jsonExtra: [String: JSONValue] = [:]) {
        if json {
            guard case .object(var members) = outcome.result else { return Output.json(outcome.result) }
            for (key, value) in jsonExtra { members[key] = value }
            members["duplicate"] = .bool(outcome.isDuplicate)
            Output.json(.object(members))
            return
        }
        if outcome.isDuplicate {
            line("Already done (same --command-id): \(outcome.message)")
        } else {
            line(outcome.message)
            humanExtra.forEach(line)
        }
    }

    static func error(_ failure: Failure, _ message: String, hint: String?, json: Bool) {
        // libpq's messages span lines ("…refused\n\tIs the server running…"): keep `error:` one line.
        let message = failure.isDatabase ? oneLine(message) : message
        var text = "error: \(message)\n"
        if let hint { text += "hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
        if json {
            var error: [String: JSONValue] = ["code": .string(failure.code), "message": .string(message)]
            if let hint { error["hint"] = .string(hint) }
            Output.json(.object(["error": .object(error)]))
        }
    }

    /// Every run of whitespace (line breaks, tabs) as one space, trimmed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether stdout / stderr is a terminal (progress bars only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
