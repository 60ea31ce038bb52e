import Application
import EventStore
import TestSupport

/// A migrated database holding the sample, made once per test run (a template), so tests
/// that only read the sample copy it instead of loading it again.
enum SampleTemplate {
    static func harness() throws -> CLIHarness {
        let template = try TestCluster.shared.template(named: "citylab_sample") { connection in
            try Migrator.migrate(connection, Database.migrations)
            _ = try CityLabSample.load(store: EventStore(connection), context: CommandContext(actor: "test-organizer", source: "cli"))
        }
        return CLIHarness(databaseURL: try TestCluster.shared.freshDatabase(template: template))
    }
}
