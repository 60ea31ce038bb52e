import Application
import Arguments
import Domain
import Foundation
import Postgres
import Projections
import Synchronization

/// `citylab projections run|rebuild|status`: the projector in the foreground, rebuilds, where each stands.
enum ProjectionsGroup {
    static let names = Projector.all.map(\.name)

    static let spec = CommandSpec(
        "projections", abstract: "Keep the read models up to date, rebuild them from the log, see where they stand.",
        subcommands: [
            CommandSpec(
                "run", abstract: "Run the projector in the foreground until interrupted (Ctrl-C or SIGTERM).",
                discussion: "Woken by each append (LISTEN citylab_events), with a one-second poll as fallback; reconnects when the "
                    + "connection is lost.",
                examples: ["citylab projections run"]),
            CommandSpec(
                "rebuild", abstract: "Rebuild read models from the event log; readers never see empty or partial tables.",
                discussion: "Folds the whole log into shadow tables, catches up, then swaps them in with one short transaction. "
                    + "Progress on a terminal; the last line gives events/s. Projections: \(names.joined(separator: ", ")).",
                arguments: [ArgumentSpec("name", help: "The projection to rebuild.", isOptional: true)],
                options: [.flag("all", help: "Rebuild every projection.")],
                examples: ["citylab projections rebuild --all", "citylab projections rebuild agendas"]),
            CommandSpec(
                "status", abstract: "Per projection: position, lag in events and seconds, last error.",
                discussion: "Lag in seconds is how long the oldest event not folded yet had waited when the head was recorded; "
                    + "--json gives it as lag_ms (whole milliseconds) and lag_seconds (rounded).",
                examples: ["citylab projections status", "citylab projections status --json"]),
        ])

    static let verbs: [String: Verb] = [
        "projections run": run, "projections rebuild": RebuildCommand.verb, "projections status": status,
    ]

    static func status(_ invocation: Invocation) throws {
        let rows = try Projector.status(try invocation.store().connection)
        if invocation.json { return try QueryJSON.print("projections", rows) }
        var table = TextTable("NAME", "VERSION", "POSITION", "LAG", "LAG (S)", "UPDATED", "LAST ERROR")
        for row in rows {
            let version =
                row.storedVersion.map { $0 == row.codeVersion ? "\($0)" : "\($0)→\(row.codeVersion)" } ?? "\(row.codeVersion) (new)"
            table.add(
                row.name, version, String(row.position), String(row.lagEvents), String(format: "%.1f", Double(row.lagMs) / 1000),
                row.updatedAt.map { String($0.prefix(19)) } ?? "never", row.lastError ?? "")
        }
        table.print(empty: "No projections.")
    }

    static func run(_ invocation: Invocation) throws {
        _ = try invocation.store()
        StopSignal.install()
        let target = invocation.target
        FileHandle.standardError.write(Data("projector: running (\(names.joined(separator: ", "))); Ctrl-C to stop\n".utf8))
        Projector.run(
            connect: { try Database.connect(target) }, shouldStop: { StopSignal.isRequested },
            log: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
        FileHandle.standardError.write(Data("projector: stopped\n".utf8))
    }
}

/// SIGINT and SIGTERM ask the projector to stop after its current page.
enum StopSignal {
    static let requested = Atomic<Bool>(false)

    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    static func install() {
        signal(SIGINT) { _ in StopSignal.requested.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in StopSignal.requested.store(true, ordering: .relaxed) }
    }
}
