import Events

/// `audit verify`'s replay of authority and rules: fed every event of the log in position order
/// (during the chain check, so the log is walked once), it decodes what the checks need and
/// hands each event to `AuthorityReplay` and `RulesReplay`. Pure: no I/O.
public struct LogAudit: Sendable {
    public private(set) var authority: AuthorityReplay
    public private(set) var rules = RulesReplay()
    /// Events whose payload or metadata this build cannot read (an unknown type or schema).
    public private(set) var unreadable: [AuditFinding] = []
    public private(set) var events: Int64 = 0

    /// `superusers`: the server's superuser logins (see `AuthorityReplay.init(superusers:)`).
    public init(superusers: Set<StaffLogin> = []) {
        authority = AuthorityReplay(superusers: superusers)
    }

    public mutating func apply(_ recorded: RecordedEvent) {
        events += 1
        let login: StaffLogin?
        do {
            login = try Self.login(recorded.meta)
        } catch {
            unreadable.append(
                AuditFinding(.rules, position: recorded.position, type: recorded.type, login: nil, reason: "its metadata is not JSON"))
            return
        }
        var event: (any DomainEvent)?
        if RulesReplay.eventTypes.contains(recorded.type) || recorded.stream.category == "staff" {
            do {
                event = try recorded.decoded()
            } catch {
                unreadable.append(
                    AuditFinding(
                        .rules, position: recorded.position, type: recorded.type, login: login,
                        reason: "its payload cannot be read by this build (\(error)); its rules were not checked"))
            }
        }
        authority.apply(position: recorded.position, type: recorded.type, login: login, event: event)
        if let event { rules.apply(position: recorded.position, stream: recorded.stream, login: login, event) }
    }

    /// Every finding, in log order: authority first at a position, then rules.
    public var findings: [AuditFinding] {
        (authority.findings + rules.findings + unreadable).sorted {
            ($0.position, $0.kind == .rules ? 1 : 0) < ($1.position, $1.kind == .rules ? 1 : 0)
        }
    }

    /// The login recorded in metadata text, nil when there is none (written before logins were recorded).
    static func login(_ meta: String) throws -> StaffLogin? {
        guard meta.contains("\"login\"") else { return nil }
        return try JSONParser.parse(meta)["login"]?.stringValue.map(StaffLogin.init(unchecked:))
    }
}
