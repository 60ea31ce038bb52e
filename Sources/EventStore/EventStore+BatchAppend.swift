import Events
import Postgres

extension EventStore {
    /// A big batch in one transaction of two calls: `citylab_append_open` locks the head
    /// (answering a known command id, checking the streams only read and that the head is the
    /// last event) and returns it with the batch's stamp; the rows are hashed here by
    /// `HashChain` exactly as `citylab_append` hashes them (events/README.md) and sent in one
    /// call of `citylab_append_rows` (sql/v009), which checks the types' authority and the
    /// login once, inserts the rows in one statement, checks they continue the head, moves it,
    /// records the command and notifies. Positions stay gap-free and commit in order: the head
    /// lock is held from open to commit.
    func batchAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        try connection.transaction {
            let opened = try connection.queryPrepared(
                "citylab_append_open_v9", "SELECT o_position, o_hash, o_stamp, o_known FROM citylab_append_open($1, $2, $3)",
                [prepared.commandID, prepared.readStreams, prepared.readVersions])
            guard let head = opened.rows.first else {
                throw EventStoreError.schema("citylab_append_open answered nothing: run 'citylab db migrate'")
            }
            if let known = head["o_known"] { return AppendAnswer(position: 0, duplicate: known) }
            let first = try head.int64("o_position") + 1
            let stamp = try head.string("o_stamp")
            var chain = BatchChain(previous: try head.bytes("o_hash"), stamp: stamp, meta: prepared.meta, count: prepared.count)
            for index in 0..<prepared.count {
                chain.add(
                    position: first + Int64(index), stream: prepared.streams[index], version: prepared.versions[index],
                    type: prepared.types[index], schema: prepared.schemas[index], data: prepared.data[index])
            }
            _ = try connection.queryPrepared(
                "citylab_append_rows_v9", "SELECT citylab_append_rows($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                [
                    first, stamp, prepared.streams.joined(separator: "\n"), PreparedAppend.integerLiteral(prepared.versions),
                    prepared.types.joined(separator: "\n"), PreparedAppend.integerLiteral(prepared.schemas),
                    prepared.data.joined(separator: "\n"), Bytea(chain.hashes), prepared.meta, prepared.commandID, prepared.result,
                ])
            return AppendAnswer(position: first + Int64(prepared.count) - 1, duplicate: nil)
        }
    }
}
