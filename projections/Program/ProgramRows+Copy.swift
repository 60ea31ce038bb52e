/// Rows of `rosters` and `program_people` written straight to their COPY lines (`RowCopyWritable`).
extension RosterRow: RowCopyWritable {
    static let copyColumns = ["session", "attendee", "name", "kind", "since_position"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(session)
        line.text(attendee)
        line.text(name)
        line.text(kind.rawValue)
        line.number(sincePosition)
        line.end()
    }
}

extension ProgramPerson: RowCopyWritable {
    static let copyColumns = ["attendee", "name"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(attendee)
        line.text(name)
        line.end()
    }
}
