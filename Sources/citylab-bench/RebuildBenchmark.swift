import Application
import EventStore
import Events
import Foundation
import Postgres
import Projections

/// `citylab-bench rebuild [--events N] [--rounds N] [--verify]`: generates a log of N events
/// (default 1,000,000) with a realistic mix, written by COPY with a correctly computed hash
/// chain, then times `projections rebuild --all` beside a plain ordered read of the same events
/// (`COPY (SELECT … ORDER BY position) TO STDOUT`) in the same run, alternating (3 rounds by
/// default, medians), and reports the first rebuild's peak RSS (reset just before it; later
/// rounds start with the heap the earlier ones freed).
enum RebuildBenchmark {
    static func run(_ arguments: [String]) throws {
        let events = value(after: "--events", in: arguments) ?? 1_000_000
        // --database URL: an existing database, migrated and filled on first use, reused after
        // (for profiling: the log is generated once).
        let reuse = string(after: "--database", in: arguments)
        let database = try reuse == nil ? BenchDatabase(name: "rebuild") : nil
        defer { database?.stop() }
        let connection = try Connection(reuse ?? database?.url ?? "")
        defer { connection.close() }

        Report.header("rebuild: \(events) events, realistic mix (registrations, enrollments, waitlists, drops, reschedules, placements)")
        let position = try generate(events: events, connection, reusing: reuse != nil)
        if arguments.contains("--verify") {
            let seconds = try Report.time {
                guard case .intact = try ChainVerifier.verify(EventStore(connection)) else { throw BenchFailure("audit verify failed") }
            }
            Report.line(String(format: "audit verify: intact (%.1f s)", seconds))
        }

        // Rounds alternate a plain read and a rebuild, medians reported: this VM's speed drifts
        // by a third within a minute, and one of each would compare two different machines.
        let rounds = max(1, value(after: "--rounds", in: arguments) ?? 3)
        var bytes = 0
        _ = try Report.time { try plainRead(connection) { bytes += $0 } }  // warm the cache
        var plainRates: [Double] = []
        var rebuildRates: [Double] = []
        var walls: [Double] = []
        var cpus: [Double] = []
        var peaks: [Int] = []
        var before: [Int] = []
        for _ in 0..<rounds {
            let plain = try Report.time { try plainRead(connection) { _ in } }
            plainRates.append(Double(position) / plain)
            Rebuilder.waitForFreedMemory()
            before.append(Memory.resetPeak())
            var outcome: Rebuilder.Outcome?
            let cpuBefore = Memory.cpuSeconds()
            let rebuild = try Report.time { outcome = try Rebuilder.rebuild(Projector.all, connection) }
            cpus.append(Memory.cpuSeconds() - cpuBefore)
            peaks.append(Memory.peakKiB())
            walls.append(rebuild)
            rebuildRates.append(Double(outcome?.events ?? 0) / rebuild)
        }
        Rebuilder.waitForFreedMemory()
        Report.row(
            "projections rebuild --all", Report.median(rebuildRates), "ev/s", baseline: Report.median(plainRates), target: "ratio >= 0.50")
        let ratios = zip(rebuildRates, plainRates).map { String(format: "%.2f", $0 / $1) }.joined(separator: " ")
        Report.line(
            String(
                format:
                    "medians of %d rounds (ratio by round: %@); plain ordered read: %.2f s (%.1f MB); rebuild: %.2f s (%.2f s CPU here); rebuild peak RSS %.1f MiB (%.1f MiB before it; first round, as in a fresh process)",
                rounds, ratios, Double(position) / Report.median(plainRates), Double(bytes) / 1e6, Report.median(walls),
                Report.median(cpus), Double(peaks.first ?? 0) / 1024, Double(before.first ?? 0) / 1024))
        if arguments.contains("--breakdown") { try breakdown(connection, events: Double(position)) }
        let rows = try connection.query(
            "SELECT (SELECT count(*) FROM attendees) AS a, (SELECT count(*) FROM rosters) AS r, (SELECT count(*) FROM placements) AS p")
        if let row = rows.first {
            Report.line("read models: \(row["a"] ?? "?") attendees, \(row["r"] ?? "?") roster rows, \(row["p"] ?? "?") placements")
        }
    }

    /// Writes the synthetic log, unless `reusing` a database that already holds one; the last position.
    static func generate(events: Int, _ connection: Connection, reusing: Bool) throws -> Int64 {
        if reusing {
            _ = try Migrator.migrate(connection, Database.migrations)
            let head = try connection.query("SELECT coalesce(max(position), 0) AS head FROM events").rows.first?.int64("head") ?? 0
            if head > 0 {
                Report.line("reusing the \(head) events already in the database")
                return head
            }
        }
        var log = SyntheticLog()
        let generated = try Report.time { try log.write(events: events, connection) }
        Report.line(
            String(
                format: "generated and copied %lld events in %.1f s (%.0f ev/s)", log.position, generated, Double(log.position) / generated)
        )
        try connection.simpleQuery("VACUUM ANALYZE events")
        return log.position
    }

    /// Where the rebuild's time goes: reading pages, decoding them, each projection alone.
    static func breakdown(_ connection: Connection, events: Double) throws {
        let read = try Report.time {
            var position: Int64 = 0
            while true {
                let rows = try connection.query(
                    "SELECT position, type, schema, data::text AS data, citylab_instant(recorded_at) AS instant FROM events WHERE position > $1 ORDER BY position LIMIT 5000",
                    [position])
                guard let last = rows.rows.last else { break }
                position = try last.int64("position")
            }
        }
        Report.line(String(format: "  pages read (no decoding): %.0f ev/s", events / read))
        for projection in Projector.all {
            let seconds = try Report.time { _ = try Rebuilder.rebuild([projection], connection) }
            Report.line(String(format: "  rebuild %@ alone: %.0f ev/s", projection.name, events / seconds))
        }
    }

    static func plainRead(_ connection: Connection, _ count: (Int) -> Void) throws {
        try connection.copyOut(
            "COPY (SELECT position, stream, version, type, schema, data, meta, recorded_at, hash FROM events ORDER BY position) TO STDOUT"
        ) { count($0.count) }
    }

    static func string(after flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    static func value(after flag: String, in arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1].replacingOccurrences(of: "_", with: ""))
    }
}

/// This process's resident memory, from /proc (Linux).
enum Memory {
    /// Resets the peak (VmHWM) to the current RSS; returns the current RSS in KiB.
    static func resetPeak() -> Int {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return field("VmRSS")
    }

    static func peakKiB() -> Int { field("VmHWM") }

    /// CPU time (user and system) this process used so far, every thread.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    private static func field(_ name: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
