import Application
import Domain
import EventStore
import Events
import Foundation
import Postgres
import Projections
import TestSupport
import XCTest

/// A fresh, migrated database with the event store and a command runner, for projection tests.
struct ProjectionDatabase {
    let url: String
    let connection: Connection
    let store: EventStore
    let runner: CommandRunner

    static func fresh() throws -> ProjectionDatabase {
        let template = try TestCluster.shared.template(named: "citylab_projections_template") { connection in
            try Migrator.migrate(connection, Database.migrations)
        }
        let url = try TestCluster.shared.freshDatabase(template: template)
        let connection = try Connection(url)
        let store = EventStore(connection)
        return ProjectionDatabase(
            url: url, connection: connection, store: store, runner: CommandRunner(store: store, context: CommandContext(actor: "tester")))
    }

    /// Runs a decision through the real runner; a rejection is returned, not thrown.
    @discardableResult
    func run(_ name: String, _ decide: (RecordingReader) throws -> [PendingEvent]) throws -> Rejection? {
        do {
            _ = try runner.run(name) { reader in Decision(events: try decide(reader), id: name, message: name) }
            return nil
        } catch let rejection as Rejection {
            return rejection
        }
    }

    /// Every row of `table` as canonical JSON lines, ordered, for row-for-row comparisons.
    func snapshot(_ table: String) throws -> [String] {
        let rows = try connection.query("SELECT to_jsonb(t)::text AS row FROM \(table) t ORDER BY 1")
        return try rows.rows.map { try CanonicalJSON.canonicalize(try $0.string("row")) }
    }

    func snapshotAll() throws -> [String: [String]] {
        var all: [String: [String]] = [:]
        for table in Projector.all.flatMap(\.tables) { all[table] = try snapshot(table) }
        return all
    }

    /// Whether every projection's checkpoint stands at the log's head.
    func allCaughtUp() throws -> Bool {
        try count("SELECT count(*) AS n FROM projection_checkpoints WHERE position = (SELECT position FROM log_head)")
            == Projector.all.count
    }

    func count(_ sql: String, _ params: [any PostgresBindable] = []) throws -> Int {
        try connection.query(sql, params).rows.first?.int("n") ?? -1
    }

    func close() { connection.close() }
}
