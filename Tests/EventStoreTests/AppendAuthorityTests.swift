import EventStore
import Events
import Postgres
import TestSupport
import XCTest

/// Migration 5: the database, not the client, decides who may append what. Logins of the
/// roles of work are real PostgreSQL roles in the test cluster.
final class AppendAuthorityTests: StoreTestCase {
    var logins: StaffLogins!

    override func setUpWithError() throws {
        try super.setUpWithError()
        logins = StaffLogins(databaseURL: url)
    }

    override func tearDown() {
        super.tearDown()
        XCTAssertNoThrow(try logins?.dropAll())
    }

    /// `count` seats taken in one session: a type only organizers may append.
    func claims(_ stream: StreamName, _ count: Int) -> [PendingEvent] {
        (1...count).map { PendingEvent(stream, SeatTaken(session: SessionID("ses_1")!, attendee: AttendeeID("att_\($0)")!)) }
    }

    func batch(_ events: [PendingEvent], expecting: [StreamName: Int], login: String? = nil) -> AppendBatch {
        AppendBatch(
            commandID: nil, expectations: expecting, events: events,
            metadata: EventMetadata(actor: "tester", commandID: "cmd_t", command: "test", login: login.map(StaffLogin.init(unchecked:))))
    }

    func eventCount() throws -> Int { try connection.query("SELECT count(*) AS n FROM events").rows[0].int("n") }

    func assertRefused(_ connection: Connection, _ sql: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try connection.simpleQuery(sql), sql, file: file, line: line) {
            XCTAssertEqual(($0 as? PostgresError)?.sqlState, "42501", "\(sql): \(String(reflecting: $0))", file: file, line: line)
        }
    }

    /// The policy is spelled once, in Swift: the table the database checks holds exactly it.
    func testTheAuthorityTableEqualsEventAuthority() throws {
        var table: [String: Set<String>] = [:]
        for entry in try AuthorityTable.read(connection) { table[entry.type, default: []].insert(entry.role) }
        XCTAssertEqual(table, EventAuthority.roles.mapValues { Set($0.map(\.databaseRole)) })
        XCTAssertEqual(table["PlacementConfirmed"], ["citylab_placements"])
        XCTAssertEqual(table["AttendeeCheckedIn"], ["citylab_desk", "citylab_organizer"])
        // Changed behind its back, the next migrate puts the policy back.
        try connection.execute("DELETE FROM event_authority WHERE type = 'AttendeeRegistered'")
        try Migrator.migrate(connection, Migrator.eventStore)
        XCTAssertEqual(try AuthorityTable.read(connection), AuthorityTable.policy)
    }

    /// psql as an organizer: the log, its head and the command records take no direct write,
    /// and the append function refuses a placement event type.
    func testAnOrganizerLoginCannotBypassTheAppendPath() throws {
        let organizer = try logins.create("organizer", roles: ["citylab_organizer"])
        let session = try Connection(logins.url(organizer))
        defer { session.close() }
        XCTAssertEqual(try session.query("SELECT count(*) AS n FROM events").rows[0].int("n"), 0, "the log is readable")
        for table in ["events", "log_head", "commands", "event_authority"] {
            assertRefused(session, "DELETE FROM \(table)")
            assertRefused(session, "TRUNCATE \(table)")
        }
        assertRefused(
            session,
            """
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            VALUES (1, 'placement-plc_1', 1, 'PlacementConfirmed', 1, '{}', '{}', now(), '\\x00')
            """)
        assertRefused(session, "UPDATE events SET data = '{}'")
        assertRefused(session, "UPDATE log_head SET position = position + 1")
        assertRefused(session, "INSERT INTO event_authority VALUES ('PlacementConfirmed', 'citylab_organizer')")
        let meta = EventMetadata(actor: "x", commandID: "c", command: "forged", login: StaffLogin(unchecked: organizer)).canonicalText
        let call = """
            SELECT citylab_append(NULL, '{}', '{}', 'placement-plc_1', '{1}', 'PlacementConfirmed', '{1}', '{"placement":"plc_1"}', '\(meta)', NULL)
            """
        XCTAssertThrowsError(try session.simpleQuery(call)) {
            let error = $0 as? PostgresError
            XCTAssertEqual(error?.sqlState, "42501", String(reflecting: $0))
            XCTAssertTrue(error?.message.contains("PlacementConfirmed needs the role citylab_placements") == true, String(reflecting: $0))
        }
        assertRefused(session, call.replacingOccurrences(of: "citylab_append(", with: "citylab_append_unchecked("))
        XCTAssertEqual(try eventCount(), 0)
    }

    /// The recorded login is the session's: the store writes it whatever the batch says, and the
    /// append function refuses any other, on both paths.
    func testTheRecordedLoginIsTheAuthenticatedOne() throws {
        let organizer = try logins.create("organizer", roles: ["citylab_organizer"])
        let session = try Connection(logins.url(organizer))
        defer { session.close() }
        let store = EventStore(session)
        let small = StreamName("email-small")
        let big = StreamName("email-big")
        _ = try store.append(batch(claims(small, 1), expecting: [small: 0], login: "mallory"))
        _ = try store.append(batch(claims(big, 40), expecting: [big: 0], login: "mallory"))
        let logins = try connection.query("SELECT DISTINCT meta->>'login' AS login FROM events").rows.map { $0["login"] }
        XCTAssertEqual(logins, [organizer])
        XCTAssertEqual(try ChainVerifier.verify(self.store), .intact(events: 41, head: try self.store.head()))

        let forged = EventMetadata(actor: "x", commandID: "c", command: "forged", login: StaffLogin(unchecked: "mallory")).canonicalText
        XCTAssertThrowsError(
            try session.simpleQuery(
                """
                SELECT citylab_append(NULL, '{}', '{}', 'session-other', '{1}', 'SeatTaken', '{1}', '{"session":"ses_1"}', '\(forged)', NULL)
                """)
        ) {
            XCTAssertEqual(($0 as? PostgresError)?.sqlState, "42501", String(reflecting: $0))
        }
        XCTAssertEqual(try eventCount(), 41)
    }

    /// A role of work appends its own types only, by either path; a refusal writes nothing.
    func testAPlacementsLoginCannotAppendToTheProgram() throws {
        let placements = try logins.create("placements", roles: ["citylab_placements"])
        let auditor = try logins.create("auditor", roles: ["citylab_auditor"])
        for login in [placements, auditor] {
            let session = try Connection(logins.url(login))
            defer { session.close() }
            let store = EventStore(session)
            for count in [1, 40] {
                let stream = StreamName("email-\(count)")
                XCTAssertThrowsError(try store.append(batch(claims(stream, count), expecting: [stream: 0]))) {
                    guard case EventStoreError.notPermitted(let message) = $0 else { return XCTFail("\(login), \(count): \($0)") }
                    XCTAssertTrue(message.contains("SeatTaken needs the role citylab_organizer"), message)
                    XCTAssertTrue(message.contains(login), message)
                }
            }
        }
        XCTAssertEqual(try eventCount(), 0)
        XCTAssertEqual(try store.head().position, 0)
    }

    /// A head moved forward or given another hash, or a row inserted past the append path: the
    /// next append, by either path, refuses to build on it and writes nothing.
    func testADamagedHeadRefusesEveryAppend() throws {
        let stream = StreamName("email-a")
        _ = try store.append(batch(claims(stream, 2), expecting: [stream: 0]))
        let damages = [
            "UPDATE log_head SET position = position + 1",
            "UPDATE log_head SET hash = sha256('garbage')",
            "UPDATE log_head SET position = 0, hash = '\\x0000000000000000000000000000000000000000000000000000000000000000'",
        ]
        for damage in damages {
            let head = try store.head()
            try connection.simpleQuery(damage)
            for count in [1, 40] {
                let other = StreamName("email-\(count)")
                XCTAssertThrowsError(try store.append(batch(claims(other, count), expecting: [other: 0])), damage) {
                    guard case EventStoreError.damaged(let message) = $0 else { return XCTFail("\(damage): \($0)") }
                    XCTAssertTrue(message.contains("the log is damaged"), message)
                }
            }
            XCTAssertEqual(try eventCount(), 2, damage)
            try connection.execute("UPDATE log_head SET position = $1, hash = $2", [head.position, Bytea(head.hash)])
        }
        _ = try store.append(batch(claims(StreamName("email-b"), 1), expecting: [StreamName("email-b"): 0]))
        XCTAssertEqual(try eventCount(), 3, "a head put back lets the log grow again")
    }

    /// A raw insert took the next position and left the head: damage (never retried as a
    /// conflict), whichever path meets it.
    func testARowPastTheHeadIsDamageNotAConflict() throws {
        let stream = StreamName("email-a")
        _ = try store.append(batch(claims(stream, 1), expecting: [stream: 0]))
        try connection.simpleQuery(
            """
            INSERT INTO events (position, stream, version, type, schema, data, meta, recorded_at, hash)
            VALUES (2, 'session-raw', 1, 'SeatTaken', 1, '{}', '{}', now(), sha256('x'))
            """)
        for count in [1, 40] {
            let other = StreamName("email-\(count)")
            XCTAssertThrowsError(try store.append(batch(claims(other, count), expecting: [other: 0]))) {
                guard case EventStoreError.damaged = $0 else { return XCTFail("\(count): expected damage, got \($0)") }
            }
        }
        XCTAssertEqual(try eventCount(), 2)
    }

    /// Migration 9: the batch function, called by hand as an organizer, refuses a placement
    /// type and a login other than the session's, and writes nothing.
    func testTheBatchFunctionChecksTypesAndLogin() throws {
        let organizer = try logins.create("organizer", roles: ["citylab_organizer"])
        let session = try Connection(logins.url(organizer))
        defer { session.close() }
        func rows(_ type: String, _ login: String) -> String {
            let meta = EventMetadata(actor: "x", commandID: "c", command: "forged", login: StaffLogin(unchecked: login)).canonicalText
            return """
                SELECT citylab_append_rows(1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                    E'placement-plc_1\\nplacement-plc_1', '{1,2}', E'\(type)\\n\(type)', '{1,1}', E'{"n":1}\\n{"n":2}',
                    sha256('a') || sha256('b'), '\(meta)', NULL, NULL)
                """
        }
        XCTAssertThrowsError(try session.simpleQuery(rows("PlacementConfirmed", organizer))) {
            let error = $0 as? PostgresError
            XCTAssertEqual(error?.sqlState, "42501", String(reflecting: $0))
            XCTAssertTrue(error?.message.contains("PlacementConfirmed needs the role citylab_placements") == true, String(reflecting: $0))
        }
        assertRefused(session, rows("SeatTaken", "mallory"))
        XCTAssertEqual(try eventCount(), 0)
        try session.simpleQuery(rows("SeatTaken", organizer))
        XCTAssertEqual(try eventCount(), 2, "the same call with the session's login and an organizer's type goes in")
    }
}
