import Events
import XCTest

/// The policy the append path enforces: every event type has a role that may write it, the desk
/// only checks in, and the auditor writes nothing.
final class EventAuthorityTests: XCTestCase {
    func testEveryCatalogTypeHasAWriter() {
        for type in EventCatalog.all {
            XCTAssertFalse(EventAuthority.roles(for: type.eventType).isEmpty, "\(type.eventType) has no role that may write it")
        }
    }

    func testTheDeskOnlyChecksInAndTheAuditorWritesNothing() {
        let deskTypes = EventAuthority.roles.filter { $0.value.contains(.desk) }.map(\.key)
        XCTAssertEqual(deskTypes, [AttendeeCheckedIn.eventType])
        XCTAssertTrue(EventAuthority.roles.values.allSatisfy { !$0.contains(.auditor) })
        XCTAssertEqual(EventAuthority.roles(for: StaffAdded.eventType), [.admin])
        XCTAssertEqual(EventAuthority.roles(for: PlacementConfirmed.eventType), [.placements])
        XCTAssertEqual(EventAuthority.roles(for: "NoSuchEvent"), [])
    }

    func testLoginsRefuseReservedPrefixesAndOddCharacters() {
        XCTAssertNotNil(StaffLogin("diana.rodriguez"))
        XCTAssertNil(StaffLogin("citylab_admin"))
        XCTAssertNil(StaffLogin("pg_read_all_data"))
        XCTAssertNil(StaffLogin("ana; DROP TABLE events"))
        XCTAssertNil(StaffLogin(""))
        XCTAssertEqual(StaffRole(databaseRole: "citylab_desk"), .desk)
        XCTAssertNil(StaffRole(databaseRole: "desk"))
    }
}
