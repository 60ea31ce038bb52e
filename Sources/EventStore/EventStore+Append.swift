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
    /// Decided on SQLSTATE and the constraint's name, never on the server's (translated) text.
    func callAppend(_ prepared: PreparedAppend) throws -> AppendAnswer {
        do {
            return prepared.count >= PreparedAppend.batchThreshold ? try batchAppend(prepared) : try functionAppend(prepared)
        } catch let error as PostgresError where error.sqlState == "CL409" {
            // Raised by our own SQL, whose message text is ours and never translated.
            throw EventStoreError.conflict(error.message)
        } catch let error as PostgresError where error.sqlState == "CL500" {
            throw EventStoreError.damaged(error.message)
        } catch let error as PostgresError where EventStoreError.isPrivilegeRefusal(error) {
            throw EventStoreError.notPermitted(refusal(error, types: prepared.types))
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == "events_pkey" {
            // The next position is taken although the head said it was free: a row went in past
            // the append path. Retrying would meet it again.
            throw EventStoreError.damaged(
                "the log is damaged: the position after the head is taken by an event the head does not account for")
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == Self.commandsKey {
            if let id = prepared.commandID,
                let stored = try connection.query("SELECT result::text AS result FROM commands WHERE command_id = $1", [id]).rows.first?[
                    "result"]
            {
                return AppendAnswer(position: 0, duplicate: stored)
            }
            throw error
        } catch let error as PostgresError where error.isUniqueViolation && error.constraint == Self.streamVersionKey {
            throw EventStoreError.conflict(try movedStream(prepared))
        }
    }

    /// The commands table's key (sql/v001): a command id committed twice.
    static let commandsKey = "commands_pkey"
    /// The events table's UNIQUE (stream, version) (sql/v001): a written stream moved.
    static let streamVersionKey = "events_stream_version_key"

    /// "stream X is at version N, expected M" for the first stream the batch writes that moved
    /// since it was read, found by reading the streams' versions after the refused append
    /// rolled back (the server's detail text names it too, but in its own language).
    func movedStream(_ prepared: PreparedAppend) throws -> String {
        var expected: [String: Int] = [:]
        var order: [String] = []
        for (stream, version) in zip(prepared.streams, prepared.versions) where expected[stream] == nil {
            expected[stream] = version - 1
            order.append(stream)
        }
        let rows = try connection.query(
            "SELECT stream, max(version) AS version FROM events WHERE stream = ANY($1) GROUP BY stream", [order]
        ).rows
        var current: [String: Int] = [:]
        for row in rows { current[try row.string("stream")] = try row.int("version") }
        for stream in order {
            if let version = current[stream], let wanted = expected[stream], version > wanted {
                return "stream \(stream) is at version \(version), expected \(wanted)"
            }
        }
        return "a stream written moved since it was read"
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

    /// Why the database refused. When the login lacks a role some type of the batch needs (the
    /// authority check, or EXECUTE on the append path refused to a role that writes nothing),
    /// the first such type and the roles that may append it, from `EventAuthority`; otherwise
    /// (a refusal of something else, e.g. the staff trigger's) the server's own message.
    private func refusal(_ error: PostgresError, types: [String]) -> String {
        let every = StaffRole.allCases.map(\.databaseRole)
        guard
            let held = try? Set(
                connection.query("SELECT r FROM unnest($1::text[]) AS r WHERE pg_has_role(session_user, r, 'MEMBER')", [every]).rows
                    .map { try $0.string("r") }),
            let refused = types.first(where: { type in !EventAuthority.roles(for: type).contains { held.contains($0.databaseRole) } })
        else { return error.message }
        let needed = EventAuthority.roles(for: refused).map(\.databaseRole).sorted()
        let login = (try? login().rawValue) ?? "this login"
        return needed.isEmpty
            ? "no role may append events of type \(refused)"
            : "appending \(refused) needs the role \(needed.joined(separator: " or ")), which login \(login) does not hold"
    }
}
