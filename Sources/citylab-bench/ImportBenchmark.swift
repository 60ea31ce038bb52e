import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres

/// `citylab-bench import [--rows N] [--batch N] [--quick]`: a generated N-row file (10,000 by
/// default) imported in-process through the CLI's code path (`ImportFile.read`, then
/// `AttendeeImport.run` into a fresh edition each round), beside a plain `COPY … (FORMAT csv)`
/// of the same file into a scratch table on the same connection. Rounds alternate; medians.
enum ImportBenchmark {
    static func run(_ arguments: [String]) throws {
        let quick = arguments.contains("--quick")
        let rows = value("--rows", arguments) ?? (quick ? 2_000 : 10_000)
        let batch = value("--batch", arguments) ?? AttendeeImport.defaultBatchSize
        let rounds = quick ? 1 : 3
        let database = try BenchDatabase(name: "import")
        defer { database.stop() }
        let connection = try Connection(database.url)
        defer { connection.close() }
        try connection.simpleQuery("CREATE TABLE scratch_import (name text, email text, role text, organization text, city text)")
        let path = try generate(rows: rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let store = EventStore(connection)
        let context = CommandContext(actor: "bench")
        var importer = AttendeeImport(store: store, context: context)
        importer.batchSize = batch

        var imports: [Double] = []
        var copies: [Double] = []
        var reruns: [Double] = []
        var last: ImportReport?
        for round in 1...rounds {
            let edition = "bench-\(round)"
            _ = try RegistrationCommands.openConference(
                Conference.Open(
                    id: edition, name: "Bench", city: "Bogotá", timeZone: "America/Bogota", starts: "2026-10-14", ends: "2026-10-16"),
                runner: CommandRunner(store: store, context: context))
            guard let conference = ConferenceID(edition) else { return }
            imports.append(
                try Report.time {
                    let file = try ImportFile.read(path)
                    last = try importer.run(file, into: conference)
                })
            guard last?.accepted == rows else { throw BenchFailure("round \(round) accepted \(last?.accepted ?? 0) of \(rows) rows") }
            copies.append(
                try Report.time {
                    try connection.copyIn("COPY scratch_import FROM STDIN (FORMAT csv, HEADER true)") { write in try write(bytes) }
                })
            reruns.append(try Report.time { _ = try importer.run(try ImportFile.read(path), into: conference) })
        }
        let importRate = Double(rows) / Report.median(imports)
        Report.header("import: a \(rows)-row CSV (\(bytes.count / 1024) KiB), \(batch) rows per append, \(rounds) round(s), medians")
        Report.row("attendee import", importRate, "rows/s", baseline: Double(rows) / Report.median(copies), target: "10,000 rows < 2 s")
        Report.line(
            String(
                format: "attendee import: %.2f s for %d rows (%d events, %.0f events/s); plain COPY: %.3f s; COPY is %.0fx faster",
                Report.median(imports), rows, 2 * rows, Double(2 * rows) / Report.median(imports), Report.median(copies),
                Report.median(imports) / Report.median(copies)))
        Report.line(String(format: "re-run of the same file (every row skipped, nothing written): %.2f s", Report.median(reruns)))
        Report.line("import = read + parse + decide every row (Attendee.decide) + hash-chained appends; COPY = parse + insert only")
    }

    /// A file like an organizer's export: quoted names with commas, CRLF, every role.
    static func generate(rows: Int) throws -> String {
        let path = NSTemporaryDirectory() + "citylab-bench-import-\(getpid()).csv"
        var text = "name,email,role,organization,city\r\n"
        text.reserveCapacity(rows * 90)
        for i in 1...max(1, rows) {
            text += "\"Gómez, Ana \(i)\",ana.gomez.\(i)@example.org,\(Role.allCases[i % Role.allCases.count].rawValue),"
            text += "\"Alcaldía de Bogotá, \(i % 40)\",Bogotá\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func value(_ flag: String, _ arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
    }
}

/// A benchmark whose work went wrong (so its figures would mean nothing).
