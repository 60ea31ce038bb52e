import Events
import Postgres

extension EventStore {
    /// What an append answered: the last position, and a command id's earlier result.
    struct AppendAnswer {
        let position: Int64
        let duplicate: String?
    }

    /// Appends a prepared batch by the cheaper path for its size; maps a moved stream to
    /// `EventStoreError.conflict`. A command id committed by a racing call after this one
    /// looked it up fails on the commands key; that committed result is the answer then.
    func callAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        do {
            return prepared.count >= PreparedAppend.copyThreshold ? try copyAppend(prepared) : try functionAppend(prepared)
        } catch let error as PostgresError where error.sqlState == "CL409" {
            throw EventStoreError.conflict(error.message)
        } catch let error as PostgresError where error.isUniqueViolation {
            if error.message.contains("\"commands_pkey\""), let id = prepared.commandID,
                let stored = try connection.query("SELECT result::text AS result FROM commands WHERE command_id = $1", [id]).rows.first?[
                    "result"]
            {
                return AppendAnswer(position: 0, duplicate: stored)
            }
            throw EventStoreError.conflict(Self.movedStream(error))
        }
    }

    /// One call of `citylab_append` (sql/v003): streams, types and payloads one per line. It
    /// answers the last position, or a command id's stored result (a JSON object).
    private func functionAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        let rows = try connection.queryPrepared(
            "citylab_append_v3", "SELECT citylab_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS answer",
            [
                prepared.commandID, prepared.readStreams, prepared.readVersions, prepared.streams.joined(separator: "\n"),
                PreparedAppend.integerLiteral(prepared.versions), prepared.types.joined(separator: "\n"),
                PreparedAppend.integerLiteral(prepared.schemas), prepared.data.joined(separator: "\n"), prepared.meta, prepared.result,
            ])
        guard let answer = rows.rows.first?["answer"] else {
            throw EventStoreError.schema("citylab_append answered nothing: run 'citylab db migrate'")
        }
        if answer.utf8.first == UInt8(ascii: "{") { return AppendAnswer(position: 0, duplicate: answer) }
        guard let position = Int64(answer) else {
            throw EventStoreError.schema("citylab_append answered '\(answer)': run 'citylab db migrate'")
        }
        return AppendAnswer(position: position, duplicate: nil)
    }
}
