import Application
import Arguments
import Domain
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

    /// The rules of a name (`Validate.nonEmpty`), as a usage error naming where the actor came from.
    static func checkedActor(_ actor: String, source: String) throws -> String {
        do {
            _ = try Validate.nonEmpty(actor, source, max: 200)
        } catch {
            let example = source == "--actor" ? "--actor staff-maria" : "CITYLAB_ACTOR=staff-maria"
            throw AppError.usage(error.message, hint: "give who is acting as a name, e.g. \(example)")
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
