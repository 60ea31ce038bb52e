import Postgres

/// The shadow copies a rebuild fills (`<table>_rebuild`) and the swap that puts them in place.
enum ShadowTables {
    /// Drops leftovers of an interrupted rebuild and creates empty copies of every table
    /// (columns, defaults, constraints, indexes). Unlogged while they fill: nothing is lost
    /// by a crash that the next rebuild would not redo anyway.
    static func create(_ projections: [any Projection], _ connection: Connection) throws {
        try connection.transaction {
            for table in projections.flatMap(\.tables) {
                let shadow = TableNames.shadow(table)
                try connection.simpleQuery(
                    "DROP TABLE IF EXISTS \(shadow); CREATE UNLOGGED TABLE \(shadow) (LIKE \(table) INCLUDING ALL)")
            }
        }
    }

    static func makeLogged(_ projections: [any Projection], _ connection: Connection) throws {
        for table in projections.flatMap(\.tables) { try connection.simpleQuery("ALTER TABLE \(TableNames.shadow(table)) SET LOGGED") }
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
