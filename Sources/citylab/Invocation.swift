import Application
import Arguments
import EventStore
import Events
import Foundation
import Postgres
import Projections

/// One run of the CLI: the parsed line, global options resolved, and the database opened
/// on first use.
final class Invocation {
    let parsed: ParsedCommand
    let environment: [String: String]
    let json: Bool
    let context: CommandContext
    let target: DatabaseTarget
    private var openedStore: EventStore?

    init(_ parsed: ParsedCommand, environment: [String: String]) throws {
        self.parsed = parsed
        self.environment = environment
        json = parsed.flag("json")
        let actor = parsed.option("actor") ?? environment["CITYLAB_ACTOR"] ?? CommandContext.systemUser
        let commandID = parsed.option("command-id")
        if let commandID, commandID.isEmpty || commandID.count > 200 {
            throw AppError.usage("--command-id must be 1–200 characters", hint: nil)
        }
        guard !actor.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AppError.usage("--actor must not be empty", hint: nil)
        }
        context = CommandContext(actor: actor, commandID: commandID)
        target = DatabaseTarget.resolve(flag: parsed.option("database-url"), environment: environment)
    }

    /// The event store on the resolved database (connecting, and starting the embedded cluster, on first use).
    func store() throws -> EventStore {
        if let openedStore { return openedStore }
        let connection = try Database.connect(target, progress: progress)
        let store = EventStore(connection)
        openedStore = store
        return store
    }

    /// The edition this command is about: `--conference`, else the only one open.
    func conference() throws -> ConferenceID {
        try ConferenceDirectory.resolve(parsed.option("conference"), store: try store())
    }

    func runner() throws -> CommandRunner {
        wrote = true
        return CommandRunner(store: try store(), context: context)
    }

    /// Whether this run appended (or may have appended) events.
    var wrote = false

    /// Brings the read models up to the log after a write, so a read right after it shows it.
    /// The write is committed either way: a failure here is a warning, not an error.
    func catchUpReadModels() {
        guard wrote, let openedStore else { return }
        do {
            try Projector.catchUpAll(openedStore.connection)
        } catch {
            FileHandle.standardError.write(Data("warning: the read models did not catch up (\(error)); 'citylab projections run' will\n".utf8))
        }
    }

    /// A one-line progress note on stderr, only on a terminal and never with --json.
    func progress(_ text: String) {
        guard !json, Output.stderrIsTerminal else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// The base URL printed in agenda links: CITYLAB_PUBLIC_URL, else the serve default.
    var publicURL: String {
        let base = environment["CITYLAB_PUBLIC_URL"] ?? "http://127.0.0.1:8080"
        return base.hasSuffix("/") ? String(base.dropLast()) : base
    }
}
