/// Rows of `placements`, `placement_scholars` and `placement_openings` written straight to their
/// COPY lines (`RowCopyWritable`); `starts` and `ends` come last, as migration 105 added them.
extension PlacementRow: RowCopyWritable {
    static let copyColumns = [
        "placement", "scholar", "scholar_name", "scholar_email", "university", "opening", "city", "country", "host", "project", "cohort",
        "status", "proposed_at", "approved_at", "confirmed_at", "ended_at", "note", "reason", "outcome", "withdrawn_by",
        "updated_position", "starts", "ends",
    ]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(placement)
        line.text(scholar)
        line.text(scholarName)
        line.text(scholarEmail)
        line.text(university)
        line.text(opening)
        line.text(city)
        line.text(country)
        line.text(host)
        line.text(project)
        line.number(cohort)
        line.text(status)
        line.text(proposedAt)
        line.text(approvedAt)
        line.text(confirmedAt)
        line.text(endedAt)
        line.text(note)
        line.text(reason)
        line.text(outcome)
        line.text(withdrawnBy)
        line.number(updatedPosition)
        line.text(starts)
        line.text(ends)
        line.end()
    }
}

extension PlacementScholar: RowCopyWritable {
    static let copyColumns = ["scholar", "name", "email", "university"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(scholar)
        line.text(name)
        line.text(email)
        line.text(university)
        line.end()
    }
}

extension PlacementOpening: RowCopyWritable {
    static let copyColumns = ["opening", "city", "country", "host", "project", "cohort", "starts", "ends"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(opening)
        line.text(city)
        line.text(country)
        line.text(host)
        line.text(project)
        line.number(cohort)
        line.text(starts)
        line.text(ends)
        line.end()
    }
}
