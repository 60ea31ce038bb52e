import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres

/// `citylab-bench audit [--scholars N] [--quick]`: a Summer Scholars history of about ten
/// thousand events (admissions, trainings, openings, proposals, approvals, confirmations,
/// withdrawals, completions) decided by the real deciders and appended through
/// `EventStore.append` in batches; then `audit placements` end to end in-process (cutoff, read,
/// replay through `evolve`, text) and `audit verify`, each beside a plain `SELECT` of the same
/// rows on the same connection, and `audit verify`'s chain walk with the authority and rules
/// replay (`LogAudit`) beside the chain alone. Rounds alternate; medians.
enum AuditBenchmark {
    static func run(_ arguments: [String]) throws {
        let quick = arguments.contains("--quick")
        let scholars = ImportBenchmark.value("--scholars", arguments) ?? (quick ? 200 : 1_120)
        let rounds = quick ? 1 : 5
        let database = try BenchDatabase(name: "audit")
        defer { database.stop() }
        let connection = try Connection(database.url)
        defer { connection.close() }
        let store = EventStore(connection)
        let generated = try Report.time { try AuditHistory(store: store).generate(scholars: scholars) }
        let head = try store.head().position
        let replayed = try connection.query("SELECT count(*) AS n FROM events WHERE type = ANY($1)", [PlacementReplay.eventTypes])
            .rows[0].int("n")

        var audits: [Double] = []
        var selects: [Double] = []
        var verifies: [Double] = []
        var replays: [Double] = []
        var scans: [Double] = []
        var formats: [String: [Double]] = ["json": [], "csv": []]
        var report: PlacementAudit.Report?
        for _ in 0..<rounds {
            audits.append(
                try Report.time {
                    report = try PlacementAudit.run(PlacementAudit.Query(), store: store)
                    _ = report?.text
                })
            selects.append(
                try Report.time {
                    _ = try connection.query(
                        "SELECT position, stream, version, type, schema, data::text, meta::text, recorded_at FROM events WHERE type = ANY($1) ORDER BY position",
                        [PlacementReplay.eventTypes])
                })
            verifies.append(
                try Report.time {
                    guard case .intact = try ChainVerifier.verify(store) else { throw BenchFailure("the generated log does not verify") }
                })
            replays.append(
                try Report.time {
                    var audit = LogAudit()
                    guard case .intact = try ChainVerifier.verify(store, each: { audit.apply($0) }), audit.findings.isEmpty else {
                        throw BenchFailure("the generated log breaks a rule or lacks authority")
                    }
                })
            scans.append(try Report.time { _ = try connection.query("SELECT * FROM events ORDER BY position") })
            if let report {
                formats["json"]?.append(Report.time { _ = CanonicalJSON.string(report.json) })
                formats["csv"]?.append(Report.time { _ = report.csv })
            }
        }
        let placements = report?.placements.count ?? 0
        let asOf = try Report.time { _ = try PlacementAudit.run(PlacementAudit.Query(moment: .position(head / 2)), store: store).text }
        Report.header(
            "audit: \(head) events (\(replayed) placement/scholar/opening), \(placements) placements, \(rounds) round(s), medians")
        Report.row(
            "audit placements (text)", Double(replayed) / Report.median(audits), "ev/s",
            baseline: Double(replayed) / Report.median(selects), target: "10,000 events < 2 s")
        Report.row(
            "audit verify", Double(head) / Report.median(verifies), "ev/s", baseline: Double(head) / Report.median(scans),
            target: "10,000 events < 2 s")
        Report.row(
            "audit verify + authority and rules replay", Double(head) / Report.median(replays), "ev/s",
            baseline: Double(head) / Report.median(verifies), target: "the chain check alone (before)")
        Report.line(
            String(
                format: "audit placements: %.3f s (plain SELECT of the same rows: %.3f s); audit verify: %.3f s (plain SELECT *: %.3f s)",
                Report.median(audits), Report.median(selects), Report.median(verifies), Report.median(scans)))
        Report.line(
            String(
                format: "rendering the same report as JSON: %.3f s, as CSV: %.3f s; --position %lld (half the log): %.3f s",
                Report.median(formats["json"] ?? []), Report.median(formats["csv"] ?? []), head / 2, asOf))
        Report.line(String(format: "history generated through the deciders and EventStore.append in %.2f s", generated))
    }
}
