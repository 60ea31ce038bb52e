import Application
import Arguments
import EventStore
import Events
import Foundation

/// `citylab audit head|verify`: proof the log was not altered.
enum AuditGroup {
    static let spec = CommandSpec(
        "audit", abstract: "Audit the log: placement histories by replay, its head, and proof it was not altered.",
        subcommands: [
            AuditPlacementsCommand.spec,
            CommandSpec(
                "head", abstract: "Print the log head as POSITION:HASH, to keep outside the database.",
                examples: ["citylab audit head"]),
            CommandSpec(
                "verify",
                abstract:
                    "Check the log is intact (append-only, gap-free, hash chain unbroken) and every read model equals a fresh replay.",
                discussion: "Exit 0 when all holds; exit 1 naming the first bad position, or the read model, table and first row "
                    + "that differ from a replay of the log up to the read models' checkpoint. With --head, also proves the log up "
                    + "to that position is exactly the one whose head was kept, even if every later hash was recomputed; when it does not "
                    + "match (no event at its position, or a different hash there) exit 1 says so. A --head that is not POSITION:HASH "
                    + "is a usage error (exit 2).",
                options: [
                    .option("head", valueName: "pos:hash", help: "A head printed earlier by 'citylab audit head'."),
                    .flag("skip-read-models", help: "Check the log only, not the read models (faster on huge logs)."),
                ],
                examples: ["citylab audit verify", "citylab audit verify --head 1200:3f5a…", "citylab audit verify --skip-read-models"]),
        ])

    static let verbs: [String: Verb] = [
        "audit placements": AuditPlacementsCommand.verb, "audit head": head, "audit verify": verify,
    ]

    static func head(_ invocation: Invocation) throws {
        let head = try invocation.store().head()
        if invocation.json {
            Output.json(
                .object(["position": .int(head.position), "hash": .string(Hex.encode(head.hash)), "head": .string(head.description)]))
        } else {
            Output.line(head.description)
        }
    }

    static func verify(_ invocation: Invocation) throws {
        var kept: ChainVerifier.KeptHead?
        if let text = invocation.parsed.option("head") {
            guard let parsed = ChainVerifier.KeptHead(text) else {
                // Malformed, so usage (exit 2); a well-formed head the log does not match is an audit failure (exit 1).
                throw AppError.usage(
                    "--head '\(text)' is not a kept head", hint: "give POSITION:HASH as printed by 'citylab audit head' (64 hex digits)")
            }
            kept = parsed
        }
        let store = try invocation.store()
        let started = Date()
        let progress = AuditProgressLine("verifying", isEnabled: !invocation.json && Output.stderrIsTerminal)
        defer { progress.finish() }
        let outcome = try ChainVerifier.verify(store, kept: kept, progress: progress.update)
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        switch outcome {
        case .intact(let events, let head):
            let models = try readModels(invocation, store)
            if invocation.json {
                var members: [String: JSONValue] = ["ok": .bool(true), "events": .int(events), "head": .string(head.description)]
                if let kept { members["kept_head"] = .string("\(kept.position):\(Hex.encode(kept.hash))") }
                members["read_models"] = models?.json ?? .string("skipped")
                Output.json(.object(members))
            } else {
                Output.line(
                    "The log is intact: \(events) events, hash chain unbroken, append-only triggers in place (\(String(format: "%.2f", seconds)) s)."
                )
                if let kept { Output.line("It matches the kept head \(kept.position):\(Hex.encode(kept.hash)).") }
                Output.line(models?.summary ?? "The read models were not checked (--skip-read-models).")
                if let behind = models?.results.map(\.position).min(), behind < head.position {
                    Output.line("They are behind the head (\(head.position)); 'citylab projections run' catches them up.")
                }
                Output.line("Head: \(head)")
            }
        case .broken(let position, let reason):
            throw AuditFailure(
                message: "the log is not intact at position \(position): \(reason)",
                hint: position == 0 && reason.contains("trigger")
                    ? "run the statement above as the database owner, then check who changed the trigger"
                    : "restore from a backup or an export, and investigate who changed it",
                json: .object(["ok": .bool(false), "position": .int(position), "reason": .string(reason)]))
        case .keptHeadMismatch(let position, let reason):
            let keptText = kept.map { "\($0.position):\(Hex.encode($0.hash))" } ?? ""
            throw AuditFailure(
                message: "the kept head does not match this log: \(reason)",
                hint: "check the kept head was copied whole, as 'citylab audit head' printed it; if it was, the log was cut or "
                    + "changed after it was kept: restore from a backup or an export, and investigate",
                json: .object([
                    "ok": .bool(false), "position": .int(position), "reason": .string(reason), "kept_head": .string(keptText),
                ]))
        }
    }

    /// Every read model against a fresh replay (nil with --skip-read-models); throws an
    /// `AuditFailure` naming the first read model, table and row that differ.
    static func readModels(_ invocation: Invocation, _ store: EventStore) throws -> ReadModelCheck? {
        guard !invocation.parsed.flag("skip-read-models") else { return nil }
        let progress = AuditProgressLine("replaying read models", isEnabled: !invocation.json && Output.stderrIsTerminal)
        defer { progress.finish() }
        let check = try ReadModelCheck.run(store.connection, progress: progress.update)
        guard let message = check.failureMessage else { return check }
        throw AuditFailure(
            message: message,
            hint: "run 'citylab projections rebuild --all' to rebuild them from the log; if a rebuild does not fix it, the fold is "
                + "not deterministic: report it",
            json: .object(["ok": .bool(false), "read_models": check.json]))
    }
}
