import Application
import Arguments
import Domain
import Events
import Foundation

/// `citylab staff add|grant|revoke|disable|list`: staff logins as PostgreSQL roles, each change an event.
enum StaffGroup {
    static let loginArgument = ArgumentSpec("login", help: "The staff member's PostgreSQL login (e.g. ana, or their OS user name).")
    static let roleArgument = ArgumentSpec("role", help: "A role of work: \(StaffMember.roleList).")

    static let spec = CommandSpec(
        "staff", abstract: "Staff logins and their roles of work (admins only); each change is an event.",
        discussion: "A staff member is a PostgreSQL login role holding some of the group roles citylab_organizer, "
            + "citylab_placements, citylab_desk, citylab_auditor and citylab_admin. Each command appends an event and changes "
            + "the login's roles in PostgreSQL in the same transaction. Without a password a login authenticates by peer "
            + "(the same-named OS user) only.",
        subcommands: [
            CommandSpec(
                "add", abstract: "Create a staff login (or adopt an existing PostgreSQL login, or bring back a disabled one) with roles.",
                arguments: [loginArgument],
                options: [
                    .option(
                        "role", valueName: "role", help: "A role of work: \(StaffMember.roleList).", isRequired: true, isRepeating: true),
                    .option(
                        "password-file", valueName: "file",
                        help: "Set a password for TCP logins from this file's first line ('-' reads stdin); never echoed or recorded."),
                ],
                examples: [
                    "citylab staff add ana --role organizer --role auditor",
                    "citylab staff add diego --role placements --password-file ~/diego.pw",
                ]),
            CommandSpec(
                "grant", abstract: "Give a staff login a role of work.", arguments: [loginArgument, roleArgument],
                examples: ["citylab staff grant ana placements"]),
            CommandSpec(
                "revoke", abstract: "Take a role of work from a staff login.", arguments: [loginArgument, roleArgument],
                examples: ["citylab staff revoke ana placements"]),
            CommandSpec(
                "disable", abstract: "Stop a staff login from logging in and take every role (open sessions last until they disconnect).",
                arguments: [loginArgument], examples: ["citylab staff disable ana"]),
            CommandSpec(
                "list",
                abstract: "Every staff login: its roles now, whether it can log in, who changed it last and when, and any "
                    + "difference PostgreSQL shows (a change made outside citylab).",
                examples: ["citylab staff list", "citylab staff list --json"]),
        ])

    static let verbs: [String: Verb] = [
        "staff add": add, "staff grant": grant, "staff revoke": revoke, "staff disable": disable, "staff list": list,
    ]

    static func add(_ invocation: Invocation) throws {
        let p = invocation.parsed
        let login = try StaffMember.login(try p.argumentValue("login"))
        var roles: [StaffRole] = []
        for text in p.options("role") { roles.append(try StaffMember.role(text)) }
        let password = try p.option("password-file").map { try StaffPassword.read(file: $0) }
        let command = StaffMember.Add(login: login, roles: roles)
        invocation.report(try StaffCommands.add(command, password: password, runner: try invocation.runner()))
    }

    static func grant(_ invocation: Invocation) throws {
        let (login, role) = try loginAndRole(invocation)
        invocation.report(try StaffCommands.grant(StaffMember.Grant(login: login, role: role), runner: try invocation.runner()))
    }

    static func revoke(_ invocation: Invocation) throws {
        let (login, role) = try loginAndRole(invocation)
        invocation.report(try StaffCommands.revoke(StaffMember.Revoke(login: login, role: role), runner: try invocation.runner()))
    }

    static func disable(_ invocation: Invocation) throws {
        let login = try StaffMember.login(try invocation.parsed.argumentValue("login"))
        invocation.report(try StaffCommands.disable(StaffMember.Disable(login: login), runner: try invocation.runner()))
    }

    static func list(_ invocation: Invocation) throws {
        let entries = try StaffList.entries(try invocation.store())
        if invocation.json {
            Output.json(.object(["staff": .array(entries.map(\.json)), "count": .int(Int64(entries.count))]))
            return
        }
        var table = TextTable("LOGIN", "ROLES", "CAN LOG IN", "LAST CHANGE", "BY", "WHEN")
        for entry in entries {
            var notes: [String] = []
            if let drift = entry.drift {
                notes.append(
                    drift.exists
                        ? "PostgreSQL differs: roles \(StaffMember.describe(Set(drift.roles))), can log in: \(drift.canLogIn ? "yes" : "no") "
                            + "(changed outside citylab)"
                        : "PostgreSQL has no such role (dropped outside citylab)")
            }
            table.add(
                [
                    entry.login.rawValue, StaffMember.describe(Set(entry.roles)), entry.canLogIn ? "yes" : "no",
                    "\(entry.lastChange) @\(entry.lastPosition)", entry.lastBy + (entry.onBehalfOf.map { " (for \($0))" } ?? ""),
                    String(entry.lastAt.prefix(19)) + "Z",
                ], notes: notes)
        }
        table.print(empty: "No staff logins yet: 'citylab db migrate' adds the first admin.")
    }

    static func loginAndRole(_ invocation: Invocation) throws -> (StaffLogin, StaffRole) {
        let p = invocation.parsed
        return (try StaffMember.login(try p.argumentValue("login")), try StaffMember.role(try p.argumentValue("role")))
    }
}
