extension CanonicalWriter {
    /// A `JSONValue` in canonical JSON: the encoder's leaf for it, and `CanonicalJSON.string`.
    mutating func json(_ value: JSONValue) {
        switch value {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .int(let i): raw(String(i))
        case .string(let s): string(s)
        case .array(let items):
            byte(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { byte(UInt8(ascii: ",")) }
                json(item)
            }
            byte(UInt8(ascii: "]"))
        case .object(let members): object(members, adding: nil)
        }
    }

    /// An object's members in key order; `extra`, when given, is one more member (replacing a
    /// member of that name) whose value is already canonical text.
    mutating func object(_ members: [String: JSONValue], adding extra: (key: String, text: String)?) {
        byte(UInt8(ascii: "{"))
        var keys = Array(members.keys)
        if let extra {
            keys.removeAll { $0 == extra.key }
            keys.append(extra.key)
        }
        keys.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for (index, key) in keys.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(key)
            byte(UInt8(ascii: ":"))
            if let extra, key == extra.key {
                raw(extra.text)
            } else if let member = members[key] {
                json(member)
            }
        }
        byte(UInt8(ascii: "}"))
    }
}
