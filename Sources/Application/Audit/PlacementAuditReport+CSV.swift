import Domain
import Events

extension PlacementAudit.Report {
    /// The CSV columns: the placement (as of the cutoff), then the history entry.
    public static let csvColumns = [
        "placement", "scholar", "scholar_name", "scholar_email", "city", "country", "host", "project", "opening", "cohort",
        "status", "position", "recorded_at", "by", "login", "actor", "command_id", "command", "event", "status_after", "note",
        "training_completed_at", "seats_taken_before", "seats", "withdrawn_by", "withdrawn_from", "reason", "outcome",
    ]

    /// RFC 4180, one row per history entry, a header row always (an empty answer is the header alone).
    public var csv: String {
        var writer = CSVWriter()
        writer.record(Self.csvColumns)
        for record in placements {
            let admitted = record.scholar.admitted
            let created = record.opening.created
            let placement = [
                record.placement.rawValue, record.state.scholar?.rawValue ?? "", admitted?.name ?? "", admitted?.email ?? "",
                created?.city ?? "", created?.country ?? "", created?.host ?? "", created?.project ?? "",
                record.state.opening?.rawValue ?? "", record.state.cohort.map(String.init) ?? "", record.status?.rawValue ?? "",
            ]
            for entry in record.history {
                writer.record(
                    placement + [
                        String(entry.position), entry.recordedAt, entry.by, entry.login ?? "", entry.actor, entry.commandID, entry.command,
                        entry.event,
                        entry.status?.rawValue ?? "", entry.note ?? "", entry.trainingCompletedAt ?? "",
                        entry.seatsTakenBefore.map(String.init) ?? "", entry.seats.map(String.init) ?? "", entry.withdrawnBy ?? "",
                        entry.withdrawnFrom ?? "", entry.reason ?? "", entry.outcome ?? "",
                    ])
            }
        }
        return writer.text
    }
}
