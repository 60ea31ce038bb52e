import Application
import Events

/// What `audit verify` says about the authority and rules replay (`LogAudit`): summary lines when
/// all holds, the failure naming each event when not, and the same as JSON members.
struct AuditVerifyFindings {
    /// How many findings the message lists; the JSON lists them all.
    static let shown = 10
    let audit: LogAudit

    init(_ audit: LogAudit) { self.audit = audit }

    var authority: [AuditFinding] { audit.authority.findings }
    var rules: [AuditFinding] { audit.rules.findings + audit.unreadable }

    var authoritySummary: String {
        let unauthenticated = audit.authority.unauthenticated
        let logins = audit.authority.roles.count
        var line = "Authority: "
        if unauthenticated == audit.events {
            line += "no event has a login; all \(unauthenticated) are unauthenticated (written before logins were recorded)."
        } else {
            line +=
                "every event with a login was appended by one holding a role allowed to write it (\(logins) staff login\(logins == 1 ? "" : "s") replayed)"
            let bySuperusers = audit.authority.bySuperusers
            if !bySuperusers.isEmpty {
                let who = bySuperusers.keys.sorted().map { "\($0): \(bySuperusers[$0] ?? 0)" }.joined(separator: ", ")
                line +=
                    ", except those by database superusers no staff event names (\(who)): their authority is the server's, outside "
                    + "citylab's roles of work"
            }
            line += unauthenticated == 0 ? "." : "; \(unauthenticated) unauthenticated (written before logins were recorded)."
        }
        return line
    }

    var rulesSummary: String {
        "Rules: replayed at every position: no session or opening over capacity, every confirmation approved, trained and "
            + "seated, no overlapping seats taken, promotions in waitlist order."
    }

    /// The failure for an intact chain with findings; nil when there are none.
    func failure(hint: String) -> AuditFailure? {
        guard let first = (authority + rules).min(by: { $0.position < $1.position }) else { return nil }
        var members = json
        members["ok"] = .bool(false)
        members["position"] = .int(first.position)
        var counts: [String] = []
        if !authority.isEmpty { counts.append("\(authority.count) appended without authority") }
        if !rules.isEmpty { counts.append("\(rules.count) breaking a rule") }
        return AuditFailure(
            message: "the log holds events that were not allowed (\(counts.joined(separator: ", "))):" + lines,
            hint: hint, json: .object(members))
    }

    /// For a failure reported first for another reason: the findings too, on lines of their own.
    var alsoFound: String {
        authority.isEmpty && rules.isEmpty ? "" : "\nIt also holds events that were not allowed:" + lines
    }

    /// `\n  authority: position 14: …` for each of the first findings, in log order.
    private var lines: String {
        let all = audit.findings
        var text = all.prefix(Self.shown).map { "\n  \($0.kind.rawValue): \($0)" }.joined()
        if all.count > Self.shown { text += "\n  … and \(all.count - Self.shown) more (--json lists them all)" }
        return text
    }

    var json: [String: JSONValue] {
        [
            "authority": .object([
                "unauthenticated": .int(Int64(audit.authority.unauthenticated)), "findings": .array(authority.map(\.json)),
                "by_superusers": .object(audit.authority.bySuperusers.reduce(into: [:]) { $0[$1.key.rawValue] = .int(Int64($1.value)) }),
            ]),
            "rules": .object(["findings": .array(rules.map(\.json))]),
        ]
    }
}
