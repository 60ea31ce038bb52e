import Application
import Arguments
import Domain
import Events
import Foundation

/// `citylab attendee import FILE.csv [--links FILE]`: bulk registration (see `AttendeeImport`).
/// Exit 0 when every row was registered or skipped as already registered; 1 when some rows
/// were rejected (they are listed; the other rows are committed); 2 for a file that cannot
/// be imported at all (nothing written); 3 and 4 as for every command.
enum AttendeeImportCommand {
    static let spec = CommandSpec(
        "import", abstract: "Register attendees in bulk from a CSV file.",
        discussion: "The file is UTF-8 CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks; a BOM and CRLF are fine). "
            + "Its first line names the columns, in any order and any case: name, email and role are required, organization and city "
            + "optional, no others. At most 20 MB and 100,000 rows; split bigger files. "
            + "Line breaks and tabs inside a field become a single space.\n"
            + "Every row goes through the same rules as 'attendee register'. Accepted rows are committed in batches of 2,000; a "
            + "rejected row is reported as 'line N: reason' and nothing of it is written; a row whose email is already registered "
            + "in the edition is skipped, so importing the same file again registers nobody twice. An email that appears twice in "
            + "the file is rejected on its later line.\n"
            + "Exit codes: 0 every row registered or skipped (a file with only the header imports nothing and says so); "
            + "1 some rows rejected (the others are committed); 2 the file cannot be imported (unreadable, empty, no header, "
            + "unknown columns, malformed CSV, too big: nothing written).\n"
            + "Agenda links are printed nowhere: give --links FILE to keep them (email,agenda_url, mode 0600; the file must not exist), "
            + "or send them later with 'citylab attendee reissue-link'. --command-id: a repeat of a finished import prints its "
            + "report and writes nothing; every event of the import records the id.",
        arguments: [ArgumentSpec("file", help: "The CSV file, e.g. attendees.csv.")],
        options: [
            .option(
                "links", valueName: "file", help: "Write the new attendees' agenda links to this new file (email,agenda_url; mode 0600).")
        ],
        examples: [
            "citylab attendee import attendees.csv",
            "citylab attendee import attendees.csv --links links.csv",
            "citylab --json attendee import attendees.csv",
        ])

    static let verb: Verb = { invocation in try run(invocation) }

    static func run(_ invocation: Invocation) throws {
        let p = invocation.parsed
        guard let path = p.argument("file") else { throw AppError.usage("missing the CSV file to import", hint: nil) }
        let file = try ImportFile.read(path)
        let store = try invocation.store()
        invocation.wrote = true
        let importer = AttendeeImport(store: store, context: invocation.context)
        if let previous = try importer.previousReport() {
            if invocation.json { return Output.json(json(previous, isReplay: true, links: nil)) }
            return Output.line("Already done (same --command-id): \(previous.summary)")
        }
        let conference = try ConferenceDirectory.resolve(p.option("conference"), store: store)
        let links = try p.option("links").map { try ImportLinksFile(path: $0, baseURL: invocation.publicURL) }
        let progress = ImportProgressLine(isEnabled: !invocation.json && Output.stderrIsTerminal)
        let report: ImportReport
        do {
            report = try importer.run(file, into: conference, committed: { try links?.write($0) }, progress: progress.update)
            progress.finish()
        } catch {
            progress.finish()
            throw error
        }
        invocation.catchUpReadModels()
        // A header and no rows is a file with nothing to do, not a broken one (an empty file is):
        // exit 0, but say so, since it is usually the wrong export.
        let note = file.rows.isEmpty ? "\(path) has no rows after the header: nothing to import" : nil
        let object = json(report, isReplay: false, links: links?.path, note: note)
        if report.rejected.isEmpty {
            return invocation.json ? Output.json(object) : printHuman(report, links: links?.path, note: note)
        }
        if !invocation.json { printHuman(report, links: links?.path, note: note) }
        // Some rows were rejected (exit 1): the CLI prints the error line, then this object.
        let count = report.rejected.count
        throw AuditFailure(
            message: "\(count) row\(count == 1 ? " was" : "s were") rejected (\(invocation.json ? "see \"rejected\"" : "listed above")); "
                + "the other rows are committed",
            hint: "fix those lines and import the file again: rows already registered are skipped", json: object)
    }

    /// The report, as `--json` prints it, with `duplicate`, `message`, `links` and `note`.
    private static func json(_ report: ImportReport, isReplay: Bool, links: String?, note: String? = nil) -> JSONValue {
        guard case .object(var members) = report.json else { return report.json }
        members["duplicate"] = .bool(isReplay)
        members["message"] = .string(report.summary)
        if let links { members["links"] = .string(links) }
        if let note { members["note"] = .string(note) }
        return .object(members)
    }

    /// Rejected rows as `line N: reason`, the note of a header-only file, the summary, and
    /// where the agenda links went.
    private static func printHuman(_ report: ImportReport, links: String?, note: String? = nil) {
        for row in report.rejected { Output.line(row.description) }
        if let note { Output.line("note: \(note).") }
        Output.line(report.summary)
        guard report.accepted > 0 else { return }
        if let links {
            Output.line("Agenda links of the \(report.accepted) new attendees are in \(links) (readable only by you).")
        } else {
            Output.line("Agenda links were not kept: send each attendee theirs with 'citylab attendee reissue-link EMAIL'.")
        }
    }
}
