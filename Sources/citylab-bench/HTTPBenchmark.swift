import Foundation
import Glibc
import Postgres

/// `citylab-bench http [--attendees N] [--duration S] [--quick]`: 10,000 attendees with agendas
/// loaded, then `citylab serve` (this build, in-process projector) and nginx serving a static file
/// of the same size at every `/agenda/…` path, each hit by wrk (64 connections, the same
/// random-token script for both, so the client's share of the cores is equal) in alternating rounds
/// for `--duration` seconds in all (15 by default). Prints req/s, p50 and p99 for both, the
/// ratios and the server's peak RSS. Installs wrk and nginx with apt when missing.
enum HTTPBenchmark {
    struct Round {
        var requests = 0
        var seconds = 0.0
        var p50 = 0.0
        var p99 = 0.0
        var errors = 0
    }

    static let usage = """
        usage: citylab-bench http [--attendees N] [--duration S] [--quick]

        Loads N attendees with agendas (10,000; 2,000 with --quick) into a fresh database, starts
        `citylab serve` (the binary next to this one) and nginx serving a static file of the same
        size as one agenda, then runs wrk (-t2 -c64) on /agenda/{token}.json with random tokens and
        on the static file, alternating, for S seconds in all (15; 3 with --quick). Prints req/s,
        p50, p99 for both, the ratios and the server's peak RSS.
        Targets: >= 0.70x nginx's req/s, p99 <= 2x nginx's, RSS <= 150 MB.

        Both servers get the same CPUs and the same requests: as many event-loop threads (ours)
        as nginx worker processes, one per core; wrk runs on the same machine with the same
        threads and the same script for both (a random token per request: nginx answers every
        /agenda/{token}.json with the static file), so the client's own work, which competes for
        the same cores, is equal on both sides. Our access log is on (to /dev/null); nginx's is off.

        options:
          --attendees N   attendees to load
          --duration S    seconds of load in all, split into alternating rounds
          --quick         a short smoke run
          -h, --help      this text
        """

    static func run(_ arguments: [String]) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return
        }
        let quick = arguments.contains("--quick")
        let attendees = ImportBenchmark.value("--attendees", arguments) ?? (quick ? 2_000 : 10_000)
        let duration = ImportBenchmark.value("--duration", arguments) ?? (quick ? 3 : 15)
        // Short alternating rounds: on a shared machine a stall lands in one round, and the
        // per-round ratios (printed with their median) show it.
        let rounds = duration >= 6 ? max(3, duration / 3) : 1
        try ensureTools()
        let work = NSTemporaryDirectory() + "citylab-bench-http-\(getpid())"
        try FileManager.default.createDirectory(atPath: work + "/www", withIntermediateDirectories: true)
        chmod(work, 0o755)
        chmod(work + "/www", 0o755)
        defer { try? FileManager.default.removeItem(atPath: work) }
        let database = try BenchDatabase(name: "http")
        defer { database.stop() }
        let connection = try Connection(database.url)
        var tokens: [String] = []
        let loading = try Report.time { tokens = try load(attendees: attendees, into: connection) }
        connection.close()
        try (tokens.joined(separator: "\n") + "\n").write(toFile: work + "/tokens.txt", atomically: true, encoding: .utf8)

        let server = try startServer(databaseURL: database.url)
        defer { stop(server.process, signal: SIGTERM) }
        let sample = try httpGet(port: server.port, path: "/agenda/\(tokens[tokens.count / 2]).json")
        try Data(sample).write(to: URL(fileURLWithPath: work + "/www/agenda.json"))
        chmod(work + "/www/agenda.json", 0o644)
        let nginx = try startNginx(work)
        defer { stop(nginx.process, signal: SIGQUIT) }
        // nginx answers every /agenda/… path with the static file: both servers get the same requests.
        let theirSample = try httpGet(port: nginx.port, path: "/agenda/\(tokens[0]).json")
        guard theirSample == sample else { throw BenchFailure("nginx does not serve the sample at /agenda/{token}.json") }

        try writeScripts(work)
        var ours: [Round] = []
        var theirs: [Round] = []
        let slice = max(1, duration / rounds)
        for _ in 0..<rounds {
            ours.append(try wrk(port: server.port, path: "/", script: work + "/requests.lua", seconds: slice))
            theirs.append(try wrk(port: nginx.port, path: "/", script: work + "/requests.lua", seconds: slice))
        }
        let rss = peakRSS(server.process.processIdentifier)
        func total(_ rounds: [Round]) -> (rate: Double, p50: Double, p99: Double, errors: Int) {
            let requests = rounds.map(\.requests).reduce(0, +)
            let seconds = rounds.map(\.seconds).reduce(0, +)
            return (
                Double(requests) / max(seconds, 0.001), Report.median(rounds.map(\.p50)), Report.median(rounds.map(\.p99)),
                rounds.map(\.errors).reduce(0, +)
            )
        }
        let a = total(ours)
        let b = total(theirs)
        Report.header(
            "http: \(attendees) attendees (loaded and folded in \(String(format: "%.1f", loading)) s), wrk -t2 -c64, "
                + "\(rounds) alternating round(s) of \(slice) s each; body \(sample.count) B")
        Report.row(
            "GET /agenda/{token}.json req/s", a.rate, "req/s", baseline: b.rate, target: "ratio >= 0.70 (baseline: nginx, static file)")
        Report.row("p50 latency", a.p50, "us", baseline: b.p50, target: "")
        Report.row("p99 latency", a.p99, "us", baseline: b.p99, target: "ratio <= 2.00")
        Report.line(
            String(format: "server peak RSS: %.1f MB (target <= 150 MB); errors: ours %d, nginx %d", Double(rss) / 1024, a.errors, b.errors)
        )
        func rate(_ round: Round) -> Double { Double(round.requests) / max(round.seconds, 0.001) }
        let rateRatios = zip(ours, theirs).map { rate($0) / max(rate($1), 1) }
        let p99Ratios = zip(ours, theirs).map { $0.p99 / max($1.p99, 1) }
        func listed(_ ratios: [Double]) -> String {
            ratios.map { String(format: "%.2f", $0) }.joined(separator: " ") + String(format: " (median %.2f)", Report.median(ratios))
        }
        Report.line("per-round ratios, req/s: \(listed(rateRatios)); p99: \(listed(p99Ratios))")
        let cores = ProcessInfo.processInfo.activeProcessorCount
        Report.line(
            "ours: citylab serve (this build, \(cores) loop threads, access log on, to /dev/null), random tokens of \(tokens.count); "
                + "nginx: \(cores) worker processes, access log off, every /agenda/{token}.json answered with the static file; "
                + "wrk: 2 threads, the same random-token script for both; all on \(cores) cores"
        )
    }

    static func ensureTools() throws {
        let missing = ["wrk", "nginx"].filter { tool in
            !["/usr/bin/", "/usr/sbin/", "/usr/local/bin/"].contains { FileManager.default.isExecutableFile(atPath: $0 + tool) }
        }
        guard !missing.isEmpty else { return }
        FileHandle.standardError.write(Data("installing \(missing.joined(separator: " ")) with apt-get\n".utf8))
        let sudo = getuid() == 0 ? [] : ["sudo"]
        for command in [["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq"] + missing] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = sudo + command
            process.environment = ProcessInfo.processInfo.environment.merging(["DEBIAN_FRONTEND": "noninteractive"]) { $1 }
            try process.run()
            process.waitUntilExit()
        }
    }

    /// `citylab serve --port 0 --json`, the binary next to this one; returns once /health answers.
    static func startServer(databaseURL: String) throws -> (process: Process, port: Int) {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("citylab")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw BenchFailure(
                "\(binary.path) is missing: the http bench serves with the release citylab; run 'swift build -c release' first")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--database-url", databaseURL, "--json", "serve", "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let port = object["port"] as? Int
        else {
            stop(process, signal: SIGTERM)
            throw BenchFailure("citylab serve did not start: \(line)")
        }
        _ = try httpGet(port: port, path: "/health")
        return (process, port)
    }

    static func startNginx(_ work: String) throws -> (process: Process, port: Int) {
        let port = try freePort()
        let config = """
            worker_processes \(ProcessInfo.processInfo.activeProcessorCount);
            daemon off;
            pid \(work)/nginx.pid;
            error_log \(work)/nginx-error.log;
            events { worker_connections 4096; }
            http {
                access_log off;
                keepalive_requests 1000000;
                client_body_temp_path \(work)/tmp; proxy_temp_path \(work)/tmp; fastcgi_temp_path \(work)/tmp;
                uwsgi_temp_path \(work)/tmp; scgi_temp_path \(work)/tmp;
                server {
                    listen 127.0.0.1:\(port) reuseport; root \(work)/www; default_type application/json;
                    location / { }
                    location ~ ^/agenda/[^/]+$ { alias \(work)/www/agenda.json; }
                }
            }
            """
        try config.write(toFile: work + "/nginx.conf", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/nginx")
        process.arguments = ["-c", work + "/nginx.conf", "-p", work]
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = try httpGet(port: port, path: "/agenda.json")
        return (process, port)
    }

    static func writeScripts(_ work: String) throws {
        let done = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.status + e.timeout))
            end
            """
        let ours = """
            local tokens = {}
            for line in io.lines("\(work)/tokens.txt") do tokens[#tokens + 1] = line end
            math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
            request = function()
              return wrk.format("GET", "/agenda/" .. tokens[math.random(#tokens)] .. ".json")
            end

            """
        try (ours + done).write(toFile: work + "/requests.lua", atomically: true, encoding: .utf8)
    }

    static func wrk(port: Int, path: String, script: String, seconds: Int) throws -> Round {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["wrk", "-t2", "-c64", "-d\(seconds)s", "-s", script, "http://127.0.0.1:\(port)\(path)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("RESULT ") }) else {
            throw BenchFailure("wrk said: \(text)")
        }
        let numbers = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard numbers.count == 5 else { throw BenchFailure("wrk said: \(text)") }
        return Round(requests: Int(numbers[0]), seconds: numbers[1] / 1e6, p50: numbers[2], p99: numbers[3], errors: Int(numbers[4]))
    }

    /// VmHWM (peak resident set) in KiB.
    static func peakRSS(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func stop(_ process: Process, signal: Int32) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }
}
