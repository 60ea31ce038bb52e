import Events
import Foundation
import Postgres
import Projections

/// `audit verify`'s second half: every read model compared with a fresh replay of the log
/// (`ReplayCheck`), and what to say about it, in words and as JSON.
public struct ReadModelCheck: Sendable {
    public let results: [ReplayCheck.Result]
    public let seconds: Double

    /// Replays the log into scratch tables and compares; `progress` as for the chain check.
    public static func run(_ connection: Connection, progress: (_ done: Int64, _ total: Int64) -> Void) throws -> ReadModelCheck {
        let started = Date()
        let results = try ReplayCheck.run(connection, progress: progress)
        return ReadModelCheck(results: results, seconds: Date().timeIntervalSince(started))
    }

    public var failures: [ReplayCheck.Result] { results.filter { $0.verdict != .matches } }

    /// `{NAME: "ok" | {table, row, columns, live, replay, position} | {stale, built_by, code}}`.
    public var json: JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: results.map { result in
                    switch result.verdict {
                    case .matches: return (result.projection, .string("ok"))
                    case .stale(let built, let code):
                        return (
                            result.projection,
                            .object(["stale": .bool(true), "built_by": .int(Int64(built)), "code": .int(Int64(code))])
                        )
                    case .ahead(let head):
                        return (result.projection, .object(["position": .int(result.position), "log_head": .int(head)]))
                    case .differs(let difference):
                        var members = Self.json(difference)
                        members["position"] = .int(result.position)
                        return (result.projection, .object(members))
                    }
                }))
    }

    /// One line for a good outcome: which read models, at which position.
    public var summary: String {
        let positions = Set(results.map(\.position))
        let names =
            positions.count == 1
            ? results.map(\.projection).joined(separator: ", ") + " at position \(positions.first ?? 0)"
            : results.map { "\($0.projection) (at \($0.position))" }.joined(separator: ", ")
        return "Every read model equals a fresh replay of the log, row for row: \(names) (\(String(format: "%.2f", seconds)) s)."
    }

    /// What is wrong, naming the first failing read model's table and row (and the others).
    public var failureMessage: String? {
        guard let first = failures.first else { return nil }
        var message = "read model '\(first.projection)' " + Self.describe(first)
        let others = failures.dropFirst().map(\.projection)
        if !others.isEmpty { message += " (also differ: \(others.joined(separator: ", ")))" }
        return message
    }

    /// What to do about the failures without destroying evidence: read models that show events
    /// the log lost, or rows the log no longer gives, may be all that is left of what it held.
    /// `keepEvidence` says how to keep the database as it is.
    public func failureHint(_ keepEvidence: String) -> String {
        let verdicts = failures.map(\.verdict)
        if verdicts.contains(where: { if case .ahead = $0 { return true } else { return false } }) {
            return "the read models show events the log no longer has: they are the evidence of a cut log, so do not rebuild "
                + "them; " + keepEvidence
        }
        let names = failures.map(\.projection).joined(separator: " ")
        if verdicts.allSatisfy({ if case .stale = $0 { return true } else { return false } }) {
            return
                "they were built by another version of their fold: 'citylab projections rebuild \(names)' (or the next catch-up) rebuilds them"
        }
        return "first prove the log against a head kept outside the database ('citylab audit verify --head-file FILE'). If it "
            + "matches, save the table ('pg_dump --table TABLE') before 'citylab projections rebuild \(names)', and report it if a "
            + "rebuild does not fix it (the fold is not deterministic). If it does not match, do not rebuild: the read models are "
            + "evidence of what the log held"
    }

    static func describe(_ result: ReplayCheck.Result) -> String {
        switch result.verdict {
        case .matches: return "equals a fresh replay"
        case .stale(let built, let code): return "was built by version \(built) of its fold; the code is version \(code)"
        case .ahead(let head):
            return "is at position \(result.position), past the log's last position \(head): events it shows are missing from the log"
        case .differs(let d):
            let row = d.key.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
            let at = "differs from a fresh replay at position \(result.position): table \(d.table), row \(row)"
            guard let live = d.live else { return at + " is missing (a replay has it)" }
            guard let replay = d.replay else { return at + " should not be there (a replay has no such row)" }
            let changes = d.columns.map { column in
                "\(column) is \(text(live[column])), a replay gives \(text(replay[column]))"
            }
            return at + ": " + changes.joined(separator: "; ")
        }
    }

    /// A value as canonical JSON, shortened for one line.
    static func text(_ value: JSONValue?) -> String {
        let full = CanonicalJSON.string(value ?? .null)
        return full.count > 120 ? full.prefix(117) + "…" : full
    }

    static func json(_ d: ReplayCheck.Difference) -> [String: JSONValue] {
        func only(_ row: [String: JSONValue]?) -> JSONValue {
            guard let row else { return .null }
            guard d.live != nil, d.replay != nil else { return .object(row) }
            return .object(row.filter { d.columns.contains($0.key) })
        }
        return [
            "table": .string(d.table), "row": .object(Dictionary(uniqueKeysWithValues: d.key.map { ($0.name, .string($0.value)) })),
            "columns": .array(d.columns.map { .string($0) }), "live": only(d.live), "replay": only(d.replay),
        ]
    }
}
