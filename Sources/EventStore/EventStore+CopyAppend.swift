import Events
import Postgres

extension EventStore {
    /// A big batch in one transaction of four round trips: `citylab_append_open` locks the
    /// head (answering a known command id, checking the streams only read) and returns it with
    /// the batch's stamp; the rows go in by COPY, hashed here exactly as `citylab_append` hashes
    /// them (events/README.md), streamed in chunks so the server inserts while this side
    /// hashes; `citylab_append_close` checks the rows continue the head, moves it, records the
    /// command and notifies. Positions stay gap-free and commit in order: the head lock is held
    /// from open to commit.
    func copyAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        try connection.transaction {
            let opened = try connection.queryPrepared(
                "citylab_append_open_v3", "SELECT o_position, o_hash, o_stamp, o_known FROM citylab_append_open($1, $2, $3)",
                [prepared.commandID, prepared.readStreams, prepared.readVersions])
            guard let head = opened.rows.first else { throw EventStoreError.schema("citylab_append_open answered nothing: run 'citylab db migrate'") }
            if let known = head["o_known"] { return AppendAnswer(position: 0, duplicate: known) }
            let first = try head.int64("o_position") + 1
            let stamp = try head.string("o_stamp")
            var rows = CopyRows(previous: try head.bytes("o_hash"), stamp: stamp, meta: prepared.meta)
            try connection.copyIn("COPY events (position, stream, version, type, schema, data, meta, recorded_at, hash) FROM STDIN") { send in
                for index in 0..<prepared.count {
                    rows.add(
                        position: first + Int64(index), stream: prepared.streams[index], version: prepared.versions[index],
                        type: prepared.types[index], schema: prepared.schemas[index], data: try prepared.payload(index))
                    if rows.bytes.count >= CopyRows.chunk { try send(rows.take()) }
                }
                try send(rows.take())
            }
            let last = first + Int64(prepared.count) - 1
            _ = try connection.queryPrepared(
                "citylab_append_close_v3", "SELECT citylab_append_close($1, $2, $3, $4, $5, $6)",
                [first, last, Bytea(rows.previous), stamp, prepared.commandID, prepared.result])
            return AppendAnswer(position: last, duplicate: nil)
        }
    }
}

/// COPY text rows for the events table, and the hash chain through them.
struct CopyRows {
    /// Bytes sent per COPY message: small enough that the server starts inserting early.
    static let chunk = 16 * 1024

    private(set) var previous: [UInt8]
    private(set) var bytes: [UInt8] = []
    private let stamp: String
    private let meta: String
    private let escapedMeta: [UInt8]
    private var canonical: [UInt8] = []

    init(previous: [UInt8], stamp: String, meta: String) {
        self.previous = previous
        self.stamp = stamp
        self.meta = meta
        var escaped: [UInt8] = []
        Self.appendEscaped(meta, to: &escaped)
        escapedMeta = escaped
        bytes.reserveCapacity(Self.chunk + 4096)
        canonical.reserveCapacity(1024)
    }

    mutating func add(position: Int64, stream: String, version: Int, type: String, schema: Int, data: String) {
        let (positionText, versionText, schemaText) = (String(position), String(version), String(schema))
        canonical.removeAll(keepingCapacity: true)
        canonical.append(contentsOf: Self.prefix)
        for field in [positionText, stream, versionText, type, schemaText, stamp, data] {
            canonical.append(contentsOf: field.utf8)
            canonical.append(UInt8(ascii: "\n"))
        }
        canonical.append(contentsOf: meta.utf8)
        var hasher = SHA256()
        hasher.update(previous)
        hasher.update(canonical)
        previous = hasher.finalize()

        bytes.append(contentsOf: positionText.utf8)
        bytes.append(Self.tab)
        Self.appendEscaped(stream, to: &bytes)
        bytes.append(Self.tab)
        bytes.append(contentsOf: versionText.utf8)
        bytes.append(Self.tab)
        Self.appendEscaped(type, to: &bytes)
        bytes.append(Self.tab)
        bytes.append(contentsOf: schemaText.utf8)
        bytes.append(Self.tab)
        Self.appendEscaped(data, to: &bytes)
        bytes.append(Self.tab)
        bytes.append(contentsOf: escapedMeta)
        bytes.append(Self.tab)
        bytes.append(contentsOf: stamp.utf8)
        bytes.append(Self.tab)
        bytes.append(contentsOf: Self.byteaPrefix)
        for byte in previous {
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The rows so far, leaving the buffer empty (its capacity kept).
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// COPY text escapes: backslash, tab, newline and carriage return.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let escape: UInt8
                switch utf8[index] {
                case UInt8(ascii: "\\"): escape = UInt8(ascii: "\\")
                case UInt8(ascii: "\t"): escape = UInt8(ascii: "t")
                case UInt8(ascii: "\n"): escape = UInt8(ascii: "n")
                case UInt8(ascii: "\r"): escape = UInt8(ascii: "r")
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(escape)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
    }

    private static let tab = UInt8(ascii: "\t")
    private static let prefix = Array("citylab-event-v1\n".utf8)
    /// `\\x`: COPY text unescapes it to bytea's `\x` hex form.
    private static let byteaPrefix = Array("\\\\x".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
