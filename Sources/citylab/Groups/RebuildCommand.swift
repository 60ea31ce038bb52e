import Application
import Domain
import Foundation
import Projections

/// `citylab projections rebuild [NAME | --all]`.
enum RebuildCommand {
    static let verb: Verb = { invocation in
        let projections = try chosen(invocation)
        let connection = try invocation.store().connection
        let environment = invocation.environment
        let pageSize = environment["CITYLAB_REBUILD_PAGE_SIZE"].flatMap(Int.init).map { max(1, $0) } ?? 5000
        let names = projections.map(\.name).joined(separator: ", ")
        var meter = ProgressMeter(label: "rebuilding \(names)", quiet: invocation.json)
        let outcome: Rebuilder.Outcome
        do {
            outcome = try Rebuilder.rebuild(projections, connection, pageSize: pageSize) { meter.show($0) }
        } catch let busy as Rebuilder.Busy {
            throw Rejection("rebuild-running", busy.description, hint: "wait for it to finish; 'citylab projections status' shows progress")
        }
        meter.finish()
        if invocation.json {
            Output.json(
                .object([
                    "projections": .array(outcome.projections.map { .string($0) }), "events": .int(outcome.events),
                    "position": .int(outcome.position), "seconds": .string(String(format: "%.3f", outcome.seconds)),
                    "events_per_second": .int(Int64(outcome.rate)),
                ]))
        } else {
            Output.line(
                String(
                    format: "Rebuilt %@: %lld events in %.2f s (%.0f events/s), now at position %lld.", names, outcome.events,
                    outcome.seconds, outcome.rate, outcome.position))
        }
    }

    static func chosen(_ invocation: Invocation) throws -> [any Projection] {
        let all = invocation.parsed.flag("all")
        let list = Projector.all.map(\.name).joined(separator: ", ")
        switch (invocation.parsed.argument("name"), all) {
        case (nil, true): return Projector.all
        case (let name?, false):
            guard let projection = Projector.named(name) else {
                throw AppError.usage("unknown projection '\(name)'", hint: "projections: \(list); or --all")
            }
            return [projection]
        case (_?, true): throw AppError.usage("give a projection name or --all, not both", hint: "projections: \(list)")
        case (nil, false): throw AppError.usage("name a projection or pass --all", hint: "projections: \(list)")
        }
    }
}

/// Rebuild progress on stderr: a bar redrawn in place on a terminal, else a plain line at most every 2 s.
struct ProgressMeter {
    let label: String
    let quiet: Bool
    private let isTerminal = Output.stderrIsTerminal
    private var lastShown = Date.distantPast
    private var drewBar = false

    init(label: String, quiet: Bool) {
        self.label = label
        self.quiet = quiet
    }

    mutating func show(_ progress: Rebuilder.Progress) {
        guard !quiet, Date().timeIntervalSince(lastShown) >= (isTerminal ? 0.2 : 2) else { return }
        lastShown = Date()
        let fraction = progress.total > 0 ? min(1, Double(progress.done) / Double(progress.total)) : 1
        let eta = progress.eta.map { String(format: "ETA %.0fs", $0) } ?? "ETA ?"
        let figures = String(format: "%lld/%lld events  %.0f ev/s  %@", progress.done, progress.total, progress.rate, eta)
        if isTerminal {
            let filled = Int(fraction * 24)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 24 - filled)
            FileHandle.standardError.write(Data("\r\(label) \(bar) \(Int(fraction * 100))%  \(figures)\u{1B}[K".utf8))
            drewBar = true
        } else {
            FileHandle.standardError.write(Data("\(label): \(figures)\n".utf8))
        }
    }

    mutating func finish() {
        if drewBar { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
