import Application
import Arguments
import Events
import Foundation

/// `citylab sample load`: the CityLab sample (CityLab 2026 in Bogotá and the 2026 Summer
/// Scholars), loaded idempotently through the real deciders.
enum SampleGroup {
    static let spec = CommandSpec(
        "sample", abstract: "Load the CityLab sample data: an edition, 600 attendees, 60 sessions, five Summer Scholars.",
        subcommands: [
            CommandSpec(
                "load", abstract: "Load the sample (idempotent: a second load adds nothing) and print what it holds.",
                discussion: "Generated from a fixed seed: the same events every time, names and emails synthetic (example.org). "
                    + "The two showcase attendees' agenda links are public knowledge: use the sample only in a database of its own.",
                examples: ["citylab sample load", "citylab --json sample load"])
        ])

    static let verbs: [String: Verb] = ["sample load": load]

    static func load(_ invocation: Invocation) throws {
        let store = try invocation.store()
        invocation.wrote = true
        let summary = try CityLabSample.load(store: store, context: invocation.context, progress: invocation.progress)
        invocation.catchUpReadModels()
        guard !invocation.json else {
            guard case .object(var members) = summary.json else { return Output.json(summary.json) }
            if case .array(let items)? = members["showcase"] {
                members["showcase"] = .array(
                    zip(items, summary.showcase).map { item, person in
                        guard case .object(var fields) = item else { return item }
                        fields["agenda_url"] = .string(person.agendaURL(base: invocation.publicURL))
                        return .object(fields)
                    })
            }
            return Output.json(.object(members))
        }
        let seconds = String(format: "%.2f", Double(summary.milliseconds) / 1000)
        Output.line(
            summary.eventsAppended == 0
                ? "The CityLab sample is already loaded (nothing appended; \(seconds) s)."
                : "Loaded the CityLab sample: \(summary.eventsAppended) events in \(seconds) s (log position \(summary.position)).")
        Output.line(
            "\(summary.edition): \(summary.attendees) attendees (\(summary.cancelledRegistrations) cancelled, \(summary.checkedIn) checked in), "
                + "\(summary.sessions) sessions (\(summary.cancelledSessions) cancelled, \(summary.rescheduledSessions) moved, "
                + "\(summary.fullSessions) full).")
        Output.line(
            "Agendas: \(summary.enrollments) seats held, \(summary.waitlisted) on waitlists, \(summary.promotions) moved up from a waitlist."
        )
        Output.line(
            "Summer Scholars: \(summary.scholars) scholars, \(summary.openings) openings, \(summary.placements) placements "
                + "(\(summary.completedPlacements) completed, \(summary.withdrawnPlacements) withdrawn).")
        for person in summary.showcase {
            Output.line("\(person.name) (\(person.attendee)): \(person.story)")
            Output.line("  \(person.agendaURL(base: invocation.publicURL))")
        }
        Output.line("Sample agenda links are public knowledge (derived from the seed): for demos only.")
    }
}
