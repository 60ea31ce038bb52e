import Domain
import EventStore
import Events
import Foundation
import Postgres

/// Staff logins and their roles of work. Each command appends one event on the login's stream;
/// the staff trigger (sql/v006) applies it to PostgreSQL's roles in the same transaction.
public enum StaffCommands {
    /// `staff add`. With a password, its SCRAM verifier is set in the append's transaction (both
    /// or neither); the password reaches no event, result, log line or error.
    public static func add(_ command: StaffMember.Add, password: StaffPassword?, runner: CommandRunner) throws -> CommandOutcome {
        let decide: (RecordingReader) throws -> Decision = { streams in
            let events = try StaffMember.decide(command, streams)
            let roles = Array(Set(command.roles)).sorted()
            let how = password == nil ? "peer login only (no password)" : "password set for TCP logins"
            return Decision(
                events: events, id: command.login.rawValue,
                message: "Added staff login \(command.login) with roles \(StaffMember.describe(Set(roles))); \(how).",
                extra: ["login": .string(command.login.rawValue), "roles": .array(roles.map { .string($0.rawValue) })])
        }
        guard let password else { return try runner.run("staff add", decide) }
        let connection = runner.store.connection
        var once = runner
        once.retry = RetryPolicy(budget: .zero, maxAttempts: 1)
        var attempts = runner.retry.start()
        while true {
            do {
                return try connection.transaction {
                    let outcome = try once.run("staff add", decide)
                    if !outcome.isDuplicate {
                        let verifier = try connection.scramVerifier(password: password.text, user: command.login.rawValue)
                        try connection.execute("SELECT citylab_staff_set_password($1, $2)", [command.login.rawValue, verifier])
                    }
                    return outcome
                }
            } catch let conflict as ConflictPersisted {
                guard attempts.shouldRetry() else { throw conflict }
            }
        }
    }

    public static func grant(_ command: StaffMember.Grant, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("staff grant") { streams in
            let before = try streams.state(StaffMember.self, .staff(command.login))
            let events = try StaffMember.decide(command, before)
            let roles = before.roles.union([command.role])
            return Decision(
                events: events, id: command.login.rawValue,
                message: "Granted \(command.role.rawValue) to \(command.login) (roles now: \(StaffMember.describe(roles))).",
                extra: extra(command.login, roles))
        }
    }

    public static func revoke(_ command: StaffMember.Revoke, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("staff revoke") { streams in
            let before = try streams.state(StaffMember.self, .staff(command.login))
            let events = try StaffMember.decide(command, before)
            let roles = before.roles.subtracting([command.role])
            return Decision(
                events: events, id: command.login.rawValue,
                message: "Revoked \(command.role.rawValue) from \(command.login) (roles now: \(StaffMember.describe(roles))).",
                extra: extra(command.login, roles))
        }
    }

    public static func disable(_ command: StaffMember.Disable, runner: CommandRunner) throws -> CommandOutcome {
        try runner.run("staff disable") { streams in
            let events = try StaffMember.decide(command, streams)
            return Decision(
                events: events, id: command.login.rawValue,
                message: "Disabled \(command.login): it can no longer log in and holds no role (open sessions end when they disconnect).",
                extra: extra(command.login, []))
        }
    }

    static func extra(_ login: StaffLogin, _ roles: Set<StaffRole>) -> [String: JSONValue] {
        ["login": .string(login.rawValue), "roles": .array(roles.sorted().map { .string($0.rawValue) })]
    }
}
