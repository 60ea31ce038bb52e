import Application
import Arguments
import Domain
import Events
import Foundation
import HTTP
import ReadAPI

/// `citylab serve [--host H] [--port P] [--no-projector]`: the HTTP read endpoint until SIGINT or
/// SIGTERM. A busy port is refused (exit 1) with a hint to pick another with --port.
enum ServeCommand {
    static let spec = CommandSpec(
        "serve", abstract: "Serve attendees' agendas (HTML, JSON, iCalendar), the program and health over HTTP.",
        discussion: "Routes: /health, /program, /program.ics, /sessions/{id}, /agenda/{token} (.json, .ics), /openapi.json. "
            + "Runs the projector in-process (woken by each append) unless --no-projector; answers from memory. "
            + "One access-log line per request on stderr, tokens redacted. Ctrl-C or SIGTERM stops it after in-flight answers.",
        options: [
            .option("host", valueName: "host", help: "Address to listen on.", defaultValue: "127.0.0.1"),
            .option("port", valueName: "port", help: "Port to listen on (0 picks a free one).", defaultValue: "8080"),
            .flag("no-projector", help: "Do not fold events here; another process runs 'citylab projections run'."),
        ],
        examples: ["citylab serve", "citylab serve --host 0.0.0.0 --port 8081", "citylab serve --no-projector"],
        isRunnable: true)

    static let verbs: [String: Verb] = ["serve": serve]

    static func serve(_ invocation: Invocation) throws {
        let parsed = invocation.parsed
        let runsProjector = !parsed.flag("no-projector")
        try run(invocation, runsProjector: runsProjector) { port in
            announce(host: parsed.option("host") ?? "127.0.0.1", port: port, runsProjector: runsProjector, json: invocation.json)
        }
    }

    /// Serves until SIGINT/SIGTERM on `--host`/`--port`; `started` gets the bound port once
    /// listening. A busy port is a `Rejection` (exit 1) with a hint to pass another `--port`.
    static func run(_ invocation: Invocation, runsProjector: Bool, started: (Int) -> Void) throws {
        let (host, port) = try listenAddress(invocation)
        _ = try invocation.store()
        let url: String
        switch invocation.target {
        case .url(let given): url = given
        case .embedded(let home): url = EmbeddedCluster(home: home).url
        }
        let accessLog = AccessLogWriter()
        let stderr: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let server = ReadAPIServer(
            configuration: ReadAPIConfiguration(
                databaseURL: url, host: host, port: port, runsProjector: runsProjector, accessLog: accessLog.write, log: stderr))
        do {
            try server.start()
        } catch let error as SystemError {
            accessLog.stop()
            throw refusal(error, host: host, port: port)
        }
        let stopped = DispatchSemaphore(value: 0)
        server.installSignalHandlers {
            stderr("serve: stopping (finishing in-flight answers)")
            server.stop(gracePeriod: .seconds(5))
            stopped.signal()
        }
        started(server.port)
        stopped.wait()
        accessLog.stop()
        stderr("serve: stopped")
    }

    /// `--host` and `--port`, checked before anything is started or written: a malformed port or
    /// an address that cannot be had is a usage error (exit 2), a busy port a `Rejection` (exit 1).
    static func listenAddress(_ invocation: Invocation) throws -> (host: String, port: Int) {
        let parsed = invocation.parsed
        let host = parsed.option("host") ?? "127.0.0.1"
        let port = try parsed.int("port") ?? 8080
        guard (0...65_535).contains(port) else { throw AppError.usage("--port must be between 0 and 65535, got \(port)", hint: nil) }
        do {
            try HTTPServer.probe(host: host, port: port)
        } catch {
            throw refusal(error, host: host, port: port)
        }
        return (host, port)
    }

    /// A busy port is refused with a hint to pick another; any other bind failure is a usage error.
    static func refusal(_ error: SystemError, host: String, port: Int) -> Error {
        guard error.errno == EADDRINUSE else {
            return AppError.usage("cannot listen on \(host):\(port): \(error)", hint: "check --host and --port")
        }
        return Rejection(
            "port-busy", "\(host):\(port) is already in use",
            hint: "pass --port with a free port (e.g. --port \(port == 65_535 ? 8081 : port + 1)), or stop the other server")
    }

    /// The URLs to open, on stdout (flushed: a script may be reading them through a pipe).
    static func announce(host: String, port: Int, runsProjector: Bool, json: Bool) {
        let shown = host.contains(":") ? "[\(host)]" : host
        let base = "http://\(shown):\(port)"
        let urls: [(String, String)] = [
            ("program", "\(base)/program"), ("program_ics", "\(base)/program.ics"), ("health", "\(base)/health"),
            ("openapi", "\(base)/openapi.json"), ("agenda", "\(base)/agenda/{token}"),
        ]
        if json {
            var members: [String: JSONValue] = ["url": .string(base), "port": .int(Int64(port)), "projector": .bool(runsProjector)]
            members["urls"] = .object(Dictionary(uniqueKeysWithValues: urls.map { ($0.0, JSONValue.string($0.1)) }))
            Output.json(.object(members))
        } else {
            Output.line("Serving on \(base) (\(runsProjector ? "projector in-process" : "no projector: run 'citylab projections run'"))")
            for (name, link) in urls {
                Output.line("  \(name.replacingOccurrences(of: "_", with: " ").padding(toLength: 12, withPad: " ", startingAt: 0))\(link)")
            }
            Output.line("Agenda links come from 'citylab attendee register'. Ctrl-C to stop.")
        }
        fflush(nil)
    }
}
