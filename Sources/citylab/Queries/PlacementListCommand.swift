import Application
import Arguments
import Domain
import Projections

/// `citylab placement list [--city C] [--status S] [--cohort YEAR]`: from the placements read model.
enum PlacementListCommand {
    static let spec = CommandSpec(
        "list", abstract: "List placements with the opening's city, host, project, cohort and period (first–last day).",
        options: [
            .option("city", valueName: "city", help: "Only openings in this city (any case)."),
            .option("status", valueName: "status", help: "Only this status.", allowedValues: PlacementStatus.allCases.map(\.rawValue)),
            .option("cohort", valueName: "year", help: "Only this cohort."),
        ],
        examples: ["citylab placement list --city Bogotá --status confirmed", "citylab placement list --cohort 2026 --json"])

    static let verb: Verb = { invocation in
        let p = invocation.parsed
        let cohort = try p.int("cohort")
        let rows = try ReadModels.placements(
            city: p.option("city"), status: p.option("status").flatMap(PlacementStatus.init(rawValue:)), cohort: cohort,
            try invocation.readModels())
        if invocation.json { return try QueryJSON.print("placements", rows) }
        var table = TextTable("ID", "SCHOLAR", "CITY", "HOST", "PROJECT", "COHORT", "PERIOD", "STATUS", "SINCE")
        for row in rows {
            let since = row.endedAt ?? row.confirmedAt ?? row.approvedAt ?? row.proposedAt
            let period = "\(row.starts ?? "?")–\(row.ends ?? "?")"
            table.add(
                row.placement, row.scholarName, row.city, row.host, row.project, String(row.cohort), period, row.status.rawValue,
                String(since.prefix(10)))
        }
        table.print(empty: "No placements match.")
    }
}
