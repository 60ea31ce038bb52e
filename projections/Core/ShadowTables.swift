import Postgres

/// The shadow copies a rebuild fills (`<table>_rebuild`) and the swap that puts them in place.
enum ShadowTables {
    /// Drops leftovers of an interrupted rebuild and creates empty copies of every table
    /// (columns, defaults, check constraints), without their indexes: those are built once the
    /// rows are in (`index`), one sort each instead of an insert per row.
    static func create(_ projections: [any Projection], _ connection: Connection) throws {
        try connection.transaction {
            for table in projections.flatMap(\.tables) {
                let shadow = TableNames.shadow(table)
                try connection.simpleQuery(
                    "DROP TABLE IF EXISTS \(shadow); CREATE TABLE \(shadow) (LIKE \(table) INCLUDING ALL EXCLUDING INDEXES)")
                // Owned by the projector and readable by the reader, as the live table it replaces.
                try connection.execute("SELECT citylab_read_model_privileges($1)", [shadow])
            }
        }
    }

    /// Gives every shadow table the live table's primary key, unique constraints and indexes,
    /// named by PostgreSQL after the shadow, as `LIKE … INCLUDING ALL` would have.
    static func index(_ projections: [any Projection], _ connection: Connection) throws {
        try connection.transaction {
            for table in projections.flatMap(\.tables) {
                for statement in try indexStatements(table, connection) { try connection.simpleQuery(statement) }
            }
        }
    }

    /// The statements that build `table`'s keys and indexes on its shadow.
    static func indexStatements(_ table: String, _ connection: Connection) throws -> [String] {
        let shadow = TableNames.shadow(table)
        let constraints = try connection.query(
            """
            SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint
            WHERE conrelid = $1::text::regclass AND contype IN ('p', 'u', 'x') ORDER BY conname
            """, [table])
        let indexes = try connection.query(
            """
            SELECT pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = $1::text::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY c.relname
            """, [table])
        var statements = try constraints.map { "ALTER TABLE \(shadow) ADD " + (try $0.string("definition")) }
        for row in indexes {
            // `CREATE [UNIQUE] INDEX name ON schema.table USING …`: the name is left to PostgreSQL.
            let definition = try row.string("definition")
            guard let using = definition.range(of: " USING ") else { continue }
            let unique = definition.hasPrefix("CREATE UNIQUE INDEX")
            statements.append("CREATE \(unique ? "UNIQUE " : "")INDEX ON \(shadow)" + definition[using.lowerBound...])
        }
        return statements
    }

    /// Inside the swap transaction: each live table is dropped and its shadow renamed in its
    /// place, indexes included (their names follow the table's, as PostgreSQL names them).
    static func swap(_ projections: [any Projection], _ connection: Connection) throws {
        for table in projections.flatMap(\.tables) {
            let shadow = TableNames.shadow(table)
            try connection.simpleQuery("DROP TABLE \(table); ALTER TABLE \(shadow) RENAME TO \(table)")
            let indexes = try connection.query(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1", [table])
            for row in indexes {
                let index = try row.string("indexname")
                guard index.hasPrefix(shadow) else { continue }
                try connection.simpleQuery("ALTER INDEX \(index) RENAME TO \(table + index.dropFirst(shadow.count))")
            }
        }
    }
}
