import Dispatch
import Postgres
import Synchronization
import TestSupport
import XCTest

/// The harness other test targets build on.
final class TestClusterTests: XCTestCase {
    func testTemplateIsPreparedOnceAndCopiedIntoFreshDatabases() throws {
        let preparations = OrderLog()
        let names = OrderLog()
        let templateNames = Mutex<Set<String>>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let name = try? TestCluster.shared.template(named: "harness check") { connection in
                preparations.append(1)
                try connection.simpleQuery("CREATE TABLE seeded (id int); INSERT INTO seeded VALUES (1), (2)")
            }
            names.append(name == nil ? 0 : 1)
            if let name { templateNames.withLock { _ = $0.insert(name) } }
        }
        XCTAssertEqual(names.values, [1, 1, 1, 1])
        XCTAssertEqual(preparations.values.count, 1, "prepare runs once per run")
        let template = try XCTUnwrap(templateNames.withLock { $0.first })
        XCTAssertEqual(templateNames.withLock { $0.count }, 1)

        let first = try Connection(TestCluster.shared.freshDatabase(template: template))
        defer { first.close() }
        let second = try Connection(TestCluster.shared.freshDatabase(template: template))
        defer { second.close() }
        try first.execute("INSERT INTO seeded VALUES (3)")
        XCTAssertEqual(try first.query("SELECT count(*) AS n FROM seeded").first?.int("n"), 3)
        XCTAssertEqual(try second.query("SELECT count(*) AS n FROM seeded").first?.int("n"), 2, "databases are independent")
    }

    func testFreshDatabasesAreDistinctAndEmpty() throws {
        let a = try TestCluster.shared.freshDatabase()
        let b = try TestCluster.shared.freshDatabase()
        XCTAssertNotEqual(a, b)
        let connection = try Connection(a)
        defer { connection.close() }
        XCTAssertEqual(try connection.query("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").first?.int("n"), 0)
    }

    func testPollSaysWhatItWaitedFor() {
        var checks = 0
        let neverTrue = {
            checks += 1
            return false
        }
        XCTAssertThrowsError(try poll(timeout: .milliseconds(60), every: .milliseconds(10), "the moon", neverTrue)) {
            XCTAssertTrue("\($0)".contains("the moon"), "\($0)")
        }
        XCTAssertGreaterThan(checks, 2)
        XCTAssertNoThrow(try poll(timeout: .seconds(1), "something true") { true })
    }
}
