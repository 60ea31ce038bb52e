/// The document's JSON written by hand: what `RowJSONEncoder` spells through Codable (keys in
/// declaration order, snake_case, nil optionals left out), without Codable's containers. A
/// rebuild writes every document once at the end: most of what its last COPY costs here.
extension AgendaDocument: RowJSONWritable {
    func writeJSON(_ out: inout [UInt8]) {
        var object = JSONMembers(&out)
        object.string("attendee", attendee, &out)
        object.string("name", name, &out)
        object.string("status", status.rawValue, &out)
        object.key("edition", &out)
        var inner = JSONMembers(&out)
        inner.string("id", edition.id, &out)
        inner.string("name", edition.name, &out)
        inner.string("city", edition.city, &out)
        inner.string("time_zone", edition.timeZone, &out)
        inner.close(&out)
        object.key("sessions", &out)
        out.append(UInt8(ascii: "["))
        for (index, entry) in sessions.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            entry.writeJSON(&out)
        }
        out.append(UInt8(ascii: "]"))
        object.number("last_changed_position", String(lastChangedPosition), &out)
        object.string("last_changed_at", lastChangedAt, &out)
        object.close(&out)
    }
}

extension AgendaDocument.Entry {
    func writeJSON(_ out: inout [UInt8]) {
        var object = JSONMembers(&out)
        object.string("session", session, &out)
        object.string("title", title, &out)
        object.string("room", room, &out)
        if let track { object.string("track", track, &out) }
        object.key("speakers", &out)
        out.append(UInt8(ascii: "["))
        for (index, speaker) in speakers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            RowJSONEncoder.appendString(speaker, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        object.string("starts", starts, &out)
        object.string("ends", ends, &out)
        object.string("starts_local", startsLocal, &out)
        object.string("ends_local", endsLocal, &out)
        object.string("status", status.rawValue, &out)
        if let waitlistPosition { object.number("waitlist_position", String(waitlistPosition), &out) }
        object.key("flags", &out)
        out.append(UInt8(ascii: "["))
        for (index, flag) in flags.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var inner = JSONMembers(&out)
            inner.string("kind", flag.kind.rawValue, &out)
            inner.string("message", flag.message, &out)
            if let session = flag.session { inner.string("session", session, &out) }
            inner.close(&out)
        }
        out.append(UInt8(ascii: "]"))
        object.number("sequence", String(sequence), &out)
        object.number("last_changed_position", String(lastChangedPosition), &out)
        object.string("last_changed_at", lastChangedAt, &out)
        object.close(&out)
    }
}

/// The members of one JSON object being written into `out`: the braces and commas.
private struct JSONMembers {
    private var isEmpty = true

    init(_ out: inout [UInt8]) { out.append(UInt8(ascii: "{")) }

    mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
        if !isEmpty { out.append(UInt8(ascii: ",")) }
        isEmpty = false
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: #"":"#.utf8)
    }

    mutating func string(_ name: StaticString, _ value: String, _ out: inout [UInt8]) {
        key(name, &out)
        RowJSONEncoder.appendString(value, to: &out)
    }

    mutating func number(_ name: StaticString, _ text: String, _ out: inout [UInt8]) {
        key(name, &out)
        out.append(contentsOf: text.utf8)
    }

    func close(_ out: inout [UInt8]) { out.append(UInt8(ascii: "}")) }
}
