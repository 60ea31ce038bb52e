import EventStore
import Events
import Foundation
import Postgres
import TestSupport
import XCTest

/// The store against a server that speaks French (`lc_messages`): its messages and details
/// are translated, so a decision read from their text would go wrong. script/test makes the
/// locale (script/lib/ensure-deps.sh) and exports it as CITYLAB_TEST_FOREIGN_LOCALE; a locale
/// given there that the server cannot use fails the test. Without the variable the test tries
/// fr_FR.UTF-8 and skips, saying how to get it, when the machine lacks it.
final class ForeignLanguageStoreTests: StoreTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let given = ProcessInfo.processInfo.environment["CITYLAB_TEST_FOREIGN_LOCALE"].flatMap { $0.isEmpty ? nil : $0 }
        let locale = given ?? "fr_FR.UTF-8"
        do {
            try connection.execute("SELECT set_config('lc_messages', $1, false)", [locale])
        } catch let error as PostgresError where given == nil && error.sqlState == "22023" {
            throw XCTSkip("the server cannot use \(locale) (\(error.message)): run script/test, which makes it with localedef")
        }
        // Every connection to this database speaks it, the store's and those a test opens.
        try connection.execute(
            "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lc_messages = %L', current_database(), current_setting('lc_messages')); END $$"
        )
        connection.close()
        connection = try Connection(url)
        store = EventStore(connection)
        let english = "division by zero"
        let error = try XCTUnwrap(
            { () -> PostgresError? in
                do {
                    _ = try connection.query("SELECT 1 / 0")
                    return nil
                } catch let error as PostgresError { return error }
            }())
        XCTAssertNotEqual(error.message, english, "lc_messages=\(locale) left the server speaking English")
    }

    func testTheServerSpeaksAnotherLanguage() throws {
        _ = try store.append(claimBatch(StreamName("claims"), 1, expecting: [StreamName("claims"): 0]))
        let error = try XCTUnwrap(
            { () -> PostgresError? in
                do {
                    try connection.execute("INSERT INTO commands VALUES ('c', 1, '{}', now()), ('c', 1, '{}', now())")
                    return nil
                } catch let error as PostgresError { return error }
            }())
        XCTAssertFalse(error.message.hasPrefix("duplicate key"), error.message)
        XCTAssertEqual(error.constraint, "commands_pkey", "the constraint's name is the same in every language")
    }

    func testAWrittenStreamThatMovedConflictsOnBothPaths() throws {
        try assertAWrittenStreamThatMovedConflicts(count: 1)
        try assertAWrittenStreamThatMovedConflicts(count: 50)
    }

    func testACommandIDCommittedWhileWaitingAnswersWithTheStoredResult() throws {
        try assertACommandIDCommittedWhileWaitingAnswersWithTheStoredResult()
    }
}
