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
    let retry: RetryPolicy
    private var openedStore: EventStore?

    init(_ parsed: ParsedCommand, environment: [String: String]) throws {
        self.parsed = parsed
        self.environment = environment
        json = parsed.flag("json")
        let verb = parsed.path.joined(separator: " ")
        if parsed.hasOption("conference"), !CommandTree.conferenceVerbs.contains(verb) {
            throw AppError.usage(
                "--conference does not apply to '\(verb)': it is not about one conference edition",
                hint: "leave --conference out; it chooses the edition for attendee, session and agenda commands")
        }
        let actor = try GlobalValues.actor(flag: parsed.option("actor"), environment: environment)
        let commandID = parsed.option("command-id")
        if let commandID, commandID.isEmpty || commandID.count > 200 {
            throw AppError.usage("--command-id must be 1–200 characters", hint: nil)
        }
        var context = CommandContext(actor: actor, commandID: commandID)
        context.arguments = GlobalValues.argumentsDigest(parsed)
        self.context = context
        target = DatabaseTarget.resolve(flag: parsed.option("database-url"), environment: environment)
        retry = try RetryPolicy.configured(environment: environment)
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
        var runner = CommandRunner(store: try store(), context: context)
        runner.retry = retry
        return runner
    }

    /// Whether this run appended (or may have appended) events.
    var wrote = false
    /// Whether the read models were brought up to this run's writes already.
    private var caughtUp = false

    /// Prints a write's outcome once the read models show it (ARCHITECTURE §5): a read
    /// right after this command, even a direct SQL one, sees the write.
    func report(_ outcome: CommandOutcome, humanExtra: [String] = [], jsonExtra: [String: JSONValue] = [:]) {
        catchUpReadModels()
        Output.outcome(outcome, json: json, humanExtra: humanExtra, jsonExtra: jsonExtra)
    }

    /// Brings the read models up to the log after a write, so a read right after it shows it.
    /// Runs once; verbs call it before printing, the CLI after every verb in case one did not.
    /// The write is committed either way: a failure here is a warning, not an error.
    func catchUpReadModels() {
        guard wrote, !caughtUp, let openedStore else { return }
        caughtUp = true
        do {
            try Projector.catchUpAll(openedStore.connection)
        } catch {
            FileHandle.standardError.write(
                Data("warning: the read models did not catch up (\(error)); 'citylab projections run' will\n".utf8))
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
