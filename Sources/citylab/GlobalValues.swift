import Application
import Arguments
import Events

/// Checks and derived values for the global options that every command shares.
enum GlobalValues {
    /// The actor recorded in every event: `--actor`, else a non-empty `CITYLAB_ACTOR`, else the
    /// OS user. Like a name: not blank, at most 200 characters, no control characters (a line
    /// break in it would forge a line in `citylab events`).
    static func actor(flag: String?, environment: [String: String]) throws -> String {
        if let flag { return try checkedActor(flag, source: "--actor") }
        if let variable = environment["CITYLAB_ACTOR"], !variable.trimmingCharacters(in: .whitespaces).isEmpty {
            return try checkedActor(variable, source: "CITYLAB_ACTOR")
        }
        return CommandContext.systemUser
    }

    static func checkedActor(_ actor: String, source: String) throws -> String {
        let hint = "give who is acting as a name, e.g. \(source == "--actor" ? "--actor staff-maria" : "CITYLAB_ACTOR=staff-maria")"
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AppError.usage("\(source) must not be empty", hint: hint)
        }
        guard actor.count <= 200 else { throw AppError.usage("\(source) is longer than 200 characters", hint: hint) }
        guard !actor.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw AppError.usage("\(source) contains control characters (a line break or tab)", hint: hint)
        }
        return actor
    }

    /// Global options that do not change what a command does, left out of its digest.
    static let presentational: Set<String> = ["--json", "--actor", "--command-id", "--database-url"]

    /// SHA-256 of what the command was asked to do (its options and arguments, and
    /// `--conference`), stored with a `--command-id` to tell a retry from a reused id.
    static func argumentsDigest(_ parsed: ParsedCommand) -> String {
        let items = parsed.givenValues.filter { !presentational.contains($0.name) }.map { item in
            JSONValue.array([.string(item.name)] + item.values.map(JSONValue.string))
        }
        return SHA256.hex(CanonicalJSON.string(.array(items)))
    }
}
