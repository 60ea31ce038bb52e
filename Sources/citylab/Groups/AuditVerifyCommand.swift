import Application
import Arguments
import EventStore
import Events
import Foundation

/// `citylab audit verify`: the chain, the authority of every append, the business rules, and
/// every read model against a replay, in one walk of the log.
enum AuditVerifyCommand {
    static let spec = CommandSpec(
        "verify",
        abstract:
            "Check the log is intact (gap-free, hash chain unbroken), that every event was appended with authority and kept the "
            + "rules, and that every read model equals a fresh replay.",
        discussion: "Exit 0 when all holds; exit 1 naming the first bad position, the events appended without authority or "
            + "breaking a rule, or the read model, table and first row that differ from a replay of the log up to the read "
            + "models' checkpoint. Authority: the staff events are replayed, and every event with a login must have been "
            + "appended by a login holding, at that position, a role allowed to write its type (staff events need admin; the "
            + "log's first StaffAdded with every role is the bootstrap). Events written before logins were recorded are counted "
            + "as unauthenticated, not failures. Rules: no session or opening over capacity, every confirmation approved, "
            + "trained and seated, no overlapping seats taken, promotions in waitlist order. A superuser can pass the "
            + "append-only triggers and recompute the whole chain, so only a head kept outside the database proves the log: "
            + "with --head (or --head-file, the last line of a file 'citylab audit head --to' appends to), also proves the log up "
            + "to that position is exactly the one whose head was kept; when it does not match (no event at its position, or a "
            + "different hash there) exit 1 says so. A --head that is not POSITION:HASH is a usage error (exit 2). Nothing it "
            + "suggests destroys evidence.",
        options: [
            .option(
                "head", valueName: "pos:hash", help: "A head printed earlier by 'citylab audit head' (a line of a --to file works too)."),
            .option("head-file", valueName: "file", help: "Check against the last head in this file ('citylab audit head --to FILE')."),
            .flag("skip-read-models", help: "Check the log only, not the read models (faster on huge logs)."),
        ],
        examples: [
            "citylab audit verify", "citylab audit verify --head 1200:3f5a…", "citylab audit verify --head-file /mnt/usb/citylab-heads.txt",
            "citylab audit verify --skip-read-models",
        ])

    /// Said on every failure that could tempt someone to repair: the damaged database is the evidence.
    static let keepEvidence =
        "do not rebuild, restore over or change this database: it is the evidence. Export it ('citylab events export > log.jsonl'), "
        + "check it against a head kept outside ('citylab audit verify --head-file FILE'), restore a backup into another "
        + "database, and investigate who holds superuser rights on the server"

    static func run(_ invocation: Invocation) throws {
        let kept = try keptHead(invocation)
        let store = try invocation.store()
        let started = Date()
        let progress = AuditProgressLine("verifying", isEnabled: !invocation.json && Output.stderrIsTerminal)
        defer { progress.finish() }
        let superusers = try store.connection.query("SELECT rolname FROM pg_roles WHERE rolsuper").rows.map {
            StaffLogin(unchecked: try $0.string("rolname"))
        }
        var audit = LogAudit(superusers: Set(superusers))
        let outcome = try ChainVerifier.verify(store, kept: kept, progress: progress.update) { audit.apply($0) }
        progress.finish()
        let seconds = Date().timeIntervalSince(started)
        switch outcome {
        case .broken(let position, let reason):
            throw AuditFailure(
                message: "the log is not intact at position \(position): \(reason)",
                hint: position == 0 && reason.contains("trigger")
                    ? "run the statement above as the database owner, then check who changed the trigger (the chain below it was not checked)"
                    : keepEvidence,
                json: .object(["ok": .bool(false), "position": .int(position), "reason": .string(reason)]))
        case .keptHeadMismatch(let position, let reason):
            let keptText = kept.map { "\($0.position):\(Hex.encode($0.hash))" } ?? ""
            var members: [String: JSONValue] = [
                "ok": .bool(false), "position": .int(position), "reason": .string(reason), "kept_head": .string(keptText),
            ]
            members.merge(AuditVerifyFindings(audit).json) { old, _ in old }
            throw AuditFailure(
                message: "the kept head does not match this log: \(reason)" + AuditVerifyFindings(audit).alsoFound,
                hint: "check the kept head was copied whole, as 'citylab audit head' printed it; if it was, the log was cut or "
                    + "changed after it was kept: " + keepEvidence,
                json: .object(members))
        case .intact(let events, let head):
            let findings = AuditVerifyFindings(audit)
            if let failure = findings.failure(hint: keepEvidence) { throw failure }
            let models = try readModels(invocation, store)
            if invocation.json {
                var members: [String: JSONValue] = ["ok": .bool(true), "events": .int(events), "head": .string(head.description)]
                if let kept { members["kept_head"] = .string("\(kept.position):\(Hex.encode(kept.hash))") }
                members["read_models"] = models?.json ?? .string("skipped")
                members.merge(findings.json) { old, _ in old }
                Output.json(.object(members))
            } else {
                Output.line("The log is intact: \(events) events, gap-free, hash chain unbroken (\(String(format: "%.2f", seconds)) s).")
                Output.line(findings.authoritySummary)
                Output.line(findings.rulesSummary)
                if let kept {
                    Output.line(
                        "It matches the kept head \(kept.position):\(Hex.encode(kept.hash)): the log up to \(kept.position) is exactly the one kept."
                    )
                } else {
                    Output.line(
                        "What only a kept head can prove: a superuser can pass the append-only triggers (e.g. with "
                            + "session_replication_role=replica) and recompute the whole chain, so keep heads outside the database "
                            + "('citylab audit head --to FILE') and verify against them ('--head-file FILE').")
                }
                Output.line(models?.summary ?? "The read models were not checked (--skip-read-models).")
                if let behind = models?.results.map(\.position).min(), behind < head.position {
                    Output.line("They are behind the head (\(head.position)); 'citylab projections run' catches them up.")
                }
                Output.line("Head: \(head)")
            }
        }
    }

    /// The head to prove against: --head (a bare head or a line of a --to file) or the last line of --head-file.
    static func keptHead(_ invocation: Invocation) throws -> ChainVerifier.KeptHead? {
        let given = invocation.parsed.option("head")
        let file = invocation.parsed.option("head-file")
        if given != nil, file != nil {
            throw AppError.usage("give --head or --head-file, not both", hint: "see 'citylab audit verify --help'")
        }
        let text: String
        if let given {
            text = KeptHeadFile.head(ofLine: given)
        } else if let file {
            do {
                text = try KeptHeadFile.lastHead(in: file)
            } catch let failure as KeptHeadFile.Failure {
                throw AppError.usage(failure.description, hint: "give --head-file a file written by 'citylab audit head --to FILE'")
            }
        } else {
            return nil
        }
        guard let parsed = ChainVerifier.KeptHead(text) else {
            // Malformed, so usage (exit 2); a well-formed head the log does not match is an audit failure (exit 1).
            throw AppError.usage(
                "--head '\(text)' is not a kept head", hint: "give POSITION:HASH as printed by 'citylab audit head' (64 hex digits)")
        }
        return parsed
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
            message: message, hint: check.failureHint(keepEvidence), json: .object(["ok": .bool(false), "read_models": check.json]))
    }
}
