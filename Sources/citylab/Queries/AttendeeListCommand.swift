import Application
import Arguments
import Domain
import Projections

/// `citylab attendee list [--role R] [--status S]`: from the attendees read model.
enum AttendeeListCommand {
    static let spec = CommandSpec(
        "list", abstract: "List attendees from the attendees read model.",
        options: [
            .option("role", valueName: "role", help: "Only this role.", allowedValues: Role.names),
            .option("status", valueName: "status", help: "Only this status.", allowedValues: Attendee.Status.allCases.map(\.rawValue)),
        ],
        examples: ["citylab attendee list", "citylab attendee list --role mayor --status checked-in --json"])

    static let verb: Verb = { invocation in
        let connection = try invocation.readModels()
        let conference = try invocation.parsed.option("conference").map {
            try ConferenceDirectory.resolve($0, store: invocation.store()).rawValue
        }
        let rows = try ReadModels.attendees(
            conference: conference, role: invocation.parsed.option("role"),
            status: invocation.parsed.option("status").flatMap(Attendee.Status.init(rawValue:)), connection)
        if invocation.json { return try QueryJSON.print("attendees", rows) }
        var table = TextTable("ID", "NAME", "EMAIL", "ROLE", "ORGANIZATION", "STATUS")
        for row in rows { table.add(row.id, row.name, row.email, row.role, row.organization ?? "", row.status.rawValue) }
        table.print(empty: "No attendees match.")
        if !rows.isEmpty { Output.line("\(rows.count) attendee\(rows.count == 1 ? "" : "s")") }
    }
}
