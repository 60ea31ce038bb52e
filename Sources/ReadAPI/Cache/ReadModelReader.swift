import Foundation
import Postgres
import Projections

/// The server's queries on the read models. Each read runs in one REPEATABLE READ snapshot,
/// so the checkpoints it reports and the rows it returns agree.
enum ReadModelReader {
    /// What changed since the cache's positions (-1: never loaded).
    static func refresh(_ connection: Connection, since positions: (agendas: Int64, program: Int64), capacity: Int) throws -> Refresh {
        try snapshot(connection) {
            let (head, hash) = try head(connection)
            var refresh = Refresh(checkpoints: try checkpoints(connection), head: head, headHash: hash)
            if positions.agendas < 0 {
                let count = try connection.query("SELECT count(*) AS n FROM agendas").first?.int("n") ?? 0
                if count > capacity {
                    refresh.isOverCapacity = true
                } else {
                    refresh.isFullAgendaLoad = true
                    refresh.agendas = try agendas(connection, where: "true", [])
                }
            } else if refresh.agendasPosition > positions.agendas {
                refresh.agendas = try agendas(connection, where: "last_changed_position > $1", [positions.agendas])
            }
            if positions.program < 0 || refresh.programPosition > positions.program {
                refresh.program = try ProgramSnapshot.build(editions: try editions(connection), rows: try ReadModels.sessions(connection))
            }
            return refresh
        }
    }

    /// One agenda by its token hash, with the agendas projection's position in the same snapshot.
    static func agenda(tokenHash: String, _ connection: Connection) throws -> LoadedAgenda {
        try snapshot(connection) {
            let position = try checkpoints(connection)["agendas"] ?? 0
            let found = try agendas(connection, where: "token_hash = $1", [tokenHash])
            return LoadedAgenda(agenda: found.first, snapshotPosition: position)
        }
    }

    private static func snapshot<T>(_ connection: Connection, _ body: () throws -> T) throws -> T {
        try connection.transaction {
            try connection.simpleQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return try body()
        }
    }

    /// Every projection's checkpoint (0 for one that never ran).
    static func checkpoints(_ connection: Connection) throws -> [String: Int64] {
        var positions = Dictionary(uniqueKeysWithValues: Projector.all.map { ($0.name, Int64(0)) })
        for row in try connection.query("SELECT name, position FROM projection_checkpoints WHERE name = ANY($1)", [Array(positions.keys)]) {
            positions[try row.string("name")] = try row.int64("position")
        }
        return positions
    }

    /// The log head's position and hash (0 and no bytes when the head row is missing).
    static func head(_ connection: Connection) throws -> (Int64, [UInt8]) {
        guard let row = try connection.query("SELECT position, hash FROM log_head").first else { return (0, []) }
        return (try row.int64("position"), try row.bytes("hash"))
    }

    private static func agendas(_ connection: Connection, where condition: String, _ params: [any PostgresBindable]) throws
        -> [CachedAgenda]
    {
        let rows = try connection.query("SELECT attendee, token_hash, document::text AS document FROM agendas WHERE \(condition)", params)
        return try rows.rows.map { row in
            try CachedAgenda(
                attendee: try row.string("attendee"), tokenHash: try row.string("token_hash"),
                document: try AgendaDocument.decode(try row.string("document")))
        }
    }

    /// The editions' names and zones. They live in the agendas projection's own table (the only
    /// read model that keeps them); the server reads it and nothing else of that projection's internals.
    private static func editions(_ connection: Connection) throws -> [EditionInfo] {
        let decoder = RowCoding.decoder
        return try connection.query("SELECT state::text AS state FROM agenda_editions ORDER BY conference").rows.map { row in
            try decoder.decode(EditionInfo.self, from: Data(try row.string("state").utf8))
        }
    }
}
