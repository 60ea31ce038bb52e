/// A row of `attendees` written straight to its COPY line (`RowCopyWritable`).
extension AttendeeRow: RowCopyWritable {
    static let copyColumns = [
        "id", "conference", "name", "email", "role", "organization", "city", "status", "checked_in_at", "token_hash", "registered_at",
        "updated_position",
    ]

    func writeCopyLine(_ line: inout RowCopyLine) {
        line.text(id)
        line.text(conference)
        line.text(name)
        line.text(email)
        line.text(role)
        line.text(organization)
        line.text(city)
        line.text(status)
        line.text(checkedInAt)
        line.text(tokenHash)
        line.text(registeredAt)
        line.number(updatedPosition)
        line.end()
    }
}
