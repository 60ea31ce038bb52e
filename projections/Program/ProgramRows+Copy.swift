/// Rows of `program`, `rosters` and `program_people` written straight to their COPY lines
/// (`RowCopyWritable`).
extension ProgramRow: RowCopyWritable {
    static let copyColumns = [
        "session", "conference", "title", "room", "track", "speakers", "starts", "ends", "capacity", "seats_taken", "seats_left",
        "waitlist_length", "status", "reschedule_count", "last_changed_position", "last_changed_at",
    ]

    func writeCopyLine(_ line: inout RowCopyLine) throws {
        line.text(session)
        line.text(conference)
        line.text(title)
        line.text(room)
        line.text(track)
        try line.json(speakers)
        line.text(starts)
        line.text(ends)
        line.number(capacity)
        line.number(seatsTaken)
        line.number(seatsLeft)
        line.number(waitlistLength)
        line.text(status)
        line.number(rescheduleCount)
        line.number(lastChangedPosition)
        line.text(lastChangedAt)
        line.end()
    }
}

extension RosterRow: RowCopyWritable {
    static let copyColumns = ["session", "attendee", "name", "kind", "since_position"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(session)
        line.text(attendee)
        line.text(name)
        line.text(kind)
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
