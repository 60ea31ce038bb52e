import Application
import Arguments
import Events
import Foundation
import Projections

/// `citylab demo [--host H] [--port P]`: the main job. Starts the database (the embedded
/// cluster unless a URL is given), loads the CityLab sample idempotently, brings the read
/// models up to date, serves them, and prints what to open and what to try.
enum DemoCommand {
    static let spec = CommandSpec(
        "demo", abstract: "Load the CityLab sample (idempotently), run projections, and serve; prints the URLs to open.",
        discussion: "Same defaults as serve. Running it again reuses the data. Ctrl-C stops the server cleanly.",
        options: [
            .option("host", valueName: "host", help: "Address to listen on.", defaultValue: "127.0.0.1"),
            .option("port", valueName: "port", help: "Port to listen on.", defaultValue: "8080"),
        ],
        examples: ["citylab demo", "citylab demo --port 8081"],
        isRunnable: true)

    static let verbs: [String: Verb] = ["demo": demo]

    static func demo(_ invocation: Invocation) throws {
        let say: (String) -> Void = { text in if !invocation.json { FileHandle.standardError.write(Data(("==> " + text + "\n").utf8)) } }
        // A usage error or a busy port is said before the database starts or the sample loads.
        _ = try ServeCommand.listenAddress(invocation)
        say("starting the database")
        let store = try invocation.store()
        say("loading the CityLab sample (idempotent)")
        let summary = try CityLabSample.load(store: store, context: invocation.context, progress: invocation.progress)
        say(
            summary.eventsAppended == 0
                ? "the sample was already loaded"
                : "loaded \(summary.eventsAppended) events in \(String(format: "%.1f", Double(summary.milliseconds) / 1000)) s")
        say("bringing the read models up to date")
        try Projector.catchUpAll(store.connection)
        // A moment worth auditing: the summer just before the first scholar confirmed (every
        // proposal approved, one withdrawn by its host). All sample events are recorded at load
        // time, so a position shows it where --as-of could not.
        let firstConfirmation = try store.connection.query(
            "SELECT coalesce(min(position), 1) - 1 AS position FROM events WHERE type = 'PlacementConfirmed'")
        let before = try firstConfirmation.rows.first?.int64("position") ?? 0
        try ServeCommand.run(invocation, runsProjector: true) { port in
            announce(summary, port: port, auditPosition: before, invocation: invocation)
        }
    }

    static func announce(_ summary: SampleSummary, port: Int, auditPosition: Int64, invocation: Invocation) {
        let host = invocation.parsed.option("host") ?? "127.0.0.1"
        let shown = host == "0.0.0.0" ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host)
        let base = "http://\(shown):\(port)"
        let hostPort = "\(shown):\(port)"
        if invocation.json {
            let people: [JSONValue] = summary.showcase.map { person in
                .object([
                    "attendee": .string(person.attendee.rawValue), "name": .string(person.name),
                    "html": .string("\(base)/agenda/\(person.token)"), "json": .string("\(base)/agenda/\(person.token).json"),
                    "ics": .string("\(base)/agenda/\(person.token).ics"),
                    "webcal": .string("webcal://\(hostPort)/agenda/\(person.token).ics"),
                ])
            }
            Output.json(
                .object(["url": .string(base), "program": .string("\(base)/program"), "agendas": .array(people), "sample": summary.json]))
            fflush(nil)
            return
        }
        var lines = [
            "", "CityLab is running at \(base)", "",
            "The program:        \(base)/program   (also /program.ics, /health, /openapi.json)",
        ]
        for person in summary.showcase {
            lines += [
                "", "\(person.name) (\(person.attendee)) — \(person.story)",
                "  agenda:           \(base)/agenda/\(person.token)",
                "  as JSON:          \(base)/agenda/\(person.token).json",
                "  as iCalendar:     \(base)/agenda/\(person.token).ics",
                "  subscribe:        webcal://\(hostPort)/agenda/\(person.token).ics",
            ]
        }
        let tip = { (command: String, comment: String) in
            "  " + command.padding(toLength: max(52, command.count + 1), withPad: " ", startingAt: 0) + "# " + comment
        }
        lines += ["", "Try next, in another terminal (same directory; README.md has the whole tour):"]
        if let directory = binaryDirectoryOffPath() {
            lines.append(tip("export PATH=\"\(shellEscaped(directory)):$PATH\"", "put this citylab on your path"))
        }
        lines += [
            tip("citylab session list", "the program with seats left and waitlists"),
            tip("citylab agenda show \(summary.showcase.first?.attendee.rawValue ?? "att_…")", "an attendee's agenda"),
            tip("citylab audit placements --city \"Salt Lake City\"", "who did what: staff, the host's withdrawal, the scholar"),
            tip("citylab audit placements --position \(auditPosition)", "the summer just before the first scholar confirmed"),
            tip("citylab audit verify", "proof the log was not altered"),
            "", "Sample agenda links are public knowledge (derived from a fixed seed): demo data only.",
            "Ctrl-C stops the server; running the demo again reuses the data.",
        ]
        lines.forEach(Output.line)
        fflush(nil)
    }

    /// The directory of the running `citylab` when a plain `citylab` in another terminal would
    /// not run it (not on PATH, or another one is found first); nil when it would.
    static func binaryDirectoryOffPath() -> String? {
        let invoked = CommandLine.arguments.first ?? "citylab"
        guard invoked.contains("/") else { return nil }
        let current = FileManager.default.currentDirectoryPath
        let absolute = URL(fileURLWithPath: invoked, relativeTo: URL(fileURLWithPath: current, isDirectory: true)).standardizedFileURL
        let ours = absolute.resolvingSymlinksInPath().path
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("citylab")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            return candidate.resolvingSymlinksInPath().path == ours ? nil : absolute.deletingLastPathComponent().path
        }
        return absolute.deletingLastPathComponent().path
    }

    /// `text` safe inside double quotes in a POSIX shell.
    static func shellEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\"\\$`".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
