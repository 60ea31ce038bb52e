/// A row of `agendas` written straight to its COPY line (`RowCopyWritable`), the document by its
/// own JSON writer: a rebuild's last COPY writes every one of them.
extension AgendaRow: RowCopyWritable {
    static let copyColumns = ["attendee", "conference", "email", "token_hash", "last_changed_position", "document"]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(attendee)
        line.text(conference)
        line.text(email)
        line.text(tokenHash)
        line.number(lastChangedPosition)
        line.json(document)
        line.end()
    }
}
