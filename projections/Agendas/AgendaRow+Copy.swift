/// Rows of `agendas`, `agenda_sessions` and `agenda_editions` written straight to their COPY
/// lines (`RowCopyWritable`); the agenda document by its own JSON writer
/// (`AgendaDocument+JSON.swift`): a rebuild's last COPY writes every one of them.
extension AgendaRow: RowCopyWritable {
    static let copyColumns = ["attendee", "conference", "email", "token_hash", "last_changed_position", "document"]

    func writeCopyLine(_ line: inout RowCopyLine) throws {
        line.text(attendee)
        line.text(conference)
        line.text(email)
        line.text(tokenHash)
        line.number(lastChangedPosition)
        try line.json(document)
        line.end()
    }
}

extension AgendaSessionRow: RowCopyWritable {
    static let copyColumns = ["session", "state"]

    func writeCopyLine(_ line: inout RowCopyLine) throws {
        line.text(session)
        try line.json(state)
        line.end()
    }
}

extension AgendaEditionRow: RowCopyWritable {
    static let copyColumns = ["conference", "state"]

    func writeCopyLine(_ line: inout RowCopyLine) throws {
        line.text(conference)
        try line.json(state)
        line.end()
    }
}
