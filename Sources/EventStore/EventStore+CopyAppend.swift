import Events
import Postgres

extension EventStore {
    /// A big batch in one transaction of four round trips: `citylab_append_open` locks the
    /// head (answering a known command id, checking the streams only read and that the head is
    /// the last event) and returns it with the batch's stamp; the rows go by binary COPY into
    /// the session's staging table (the login may not insert into the log itself), hashed here
    /// by `HashChain` exactly as `citylab_append` hashes them (events/README.md), streamed in chunks so the
    /// server stores while this side hashes; `citylab_append_close` checks the staged rows'
    /// types and login, moves them into the log, checks they continue the head, moves it,
    /// records the command and notifies. Positions stay gap-free and commit in
    /// order: the head lock is held from open to commit.
    func copyAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        try connection.transaction {
            // The stamp as the server reads it, in microseconds since 2000 (timestamptz's
            // binary form): every row's recorded_at is exactly the instant the hash spells.
            let opened = try connection.queryPrepared(
                "citylab_append_open_v4",
                """
                SELECT o_position, o_hash, o_stamp, o_known,
                       (extract(epoch FROM o_stamp::timestamptz) * 1000000)::bigint - 946684800000000 AS o_micros
                FROM citylab_append_open($1, $2, $3)
                """,
                [prepared.commandID, prepared.readStreams, prepared.readVersions])
            guard let head = opened.rows.first else {
                throw EventStoreError.schema("citylab_append_open answered nothing: run 'citylab db migrate'")
            }
            if let known = head["o_known"] { return AppendAnswer(position: 0, duplicate: known) }
            let first = try head.int64("o_position") + 1
            let stamp = try head.string("o_stamp")
            var rows = CopyRows(previous: try head.bytes("o_hash"), stamp: stamp, micros: try head.int64("o_micros"), meta: prepared.meta)
            try connection.copyIn(
                """
                COPY pg_temp.citylab_append_staging (position, stream, version, type, schema, data, meta, recorded_at, hash)
                FROM STDIN WITH (FORMAT binary)
                """
            ) { send in
                // The first rows go out as soon as there are a few: the server's insert is the
                // slower side, so the sooner it starts the sooner the batch commits.
                var chunk = CopyRows.firstChunk
                for index in 0..<prepared.count {
                    rows.add(
                        position: first + Int64(index), stream: prepared.streams[index], version: prepared.versions[index],
                        type: prepared.types[index], schema: prepared.schemas[index], data: try prepared.payload(index))
                    if rows.count >= chunk {
                        try send(rows.take())
                        chunk = CopyRows.chunk
                    }
                }
                try send(rows.finish())
            }
            let last = first + Int64(prepared.count) - 1
            _ = try connection.queryPrepared(
                "citylab_append_close_v3", "SELECT citylab_append_close($1, $2, $3, $4, $5, $6)",
                [first, last, Bytea(rows.previous), stamp, prepared.commandID, prepared.result])
            return AppendAnswer(position: last, duplicate: nil)
        }
    }
}

/// Binary COPY rows for the events table, and the hash chain through them.
struct CopyRows {
    /// Bytes sent per COPY message: small enough that the server starts inserting early.
    static let chunk = 16 * 1024
    /// Bytes in the first message: a few rows.
    static let firstChunk = 2 * 1024

    private(set) var previous: [UInt8]
    private var writer = CopyBinaryWriter(reservingCapacity: Self.chunk + 4096)
    private let stamp: String
    private let micros: Int64
    private let meta: String
    private var canonical: [UInt8] = []

    /// `stamp` is the batch's instant as the hash spells it; `micros` the same instant as
    /// the server stores it (microseconds since 2000-01-01 UTC).
    init(previous: [UInt8], stamp: String, micros: Int64, meta: String) {
        self.previous = previous
        self.stamp = stamp
        self.micros = micros
        self.meta = meta
        canonical.reserveCapacity(1024)
    }

    /// Bytes waiting to be sent.
    var count: Int { writer.bytes.count }

    mutating func add(position: Int64, stream: String, version: Int, type: String, schema: Int, data: String) {
        HashChain.canonicalBytes(
            into: &canonical, position: position, stream: stream, version: version, type: type, schema: schema, instant: stamp,
            data: data, meta: meta)
        previous = HashChain.link(previous: previous, canonical: canonical)

        writer.row(fields: 9)
        writer.int64(position)
        writer.text(stream)
        writer.int32(Int32(truncatingIfNeeded: version))
        writer.text(type)
        writer.int16(Int16(truncatingIfNeeded: schema))
        writer.jsonb(data)
        writer.jsonb(meta)
        writer.timestamp(microsecondsSince2000: micros)
        writer.bytes(previous)
    }

    /// The rows so far, leaving the buffer empty (its capacity kept).
    mutating func take() -> [UInt8] { writer.take() }

    /// The last rows and the trailer.
    mutating func finish() -> [UInt8] {
        writer.trailer()
        return writer.take()
    }
}
