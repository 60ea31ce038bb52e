import Domain
import Events
import XCTest

/// Staff logins: given these staff events, when this command, then these events or this refusal.
final class StaffDeciderTests: XCTestCase {
    func testAdd() {
        check([
            StaffCase(
                "a new login gets its roles, sorted, each once", given: [], when: .add(ana, [.auditor, .organizer, .auditor]),
                then: .events([StaffAdded(login: ana, roles: [.organizer, .auditor])])),
            StaffCase("a login needs a role", given: [], when: .add(ana, []), then: .rejected("invalid-role")),
            StaffCase("staff is added once", given: [added(ana, .desk)], when: .add(ana, [.organizer]), then: .rejected("staff-exists")),
            StaffCase(
                "a disabled login comes back with new roles", given: [added(ana, .desk), StaffDisabled(login: ana)],
                when: .add(ana, [.auditor]), then: .events([StaffAdded(login: ana, roles: [.auditor])])),
        ])
    }

    func testGrant() {
        check([
            StaffCase(
                "a role it does not hold", given: [added(ana, .desk)], when: .grant(ana, .placements),
                then: .events([StaffRoleGranted(login: ana, role: .placements)])),
            StaffCase("a role it holds", given: [added(ana, .desk)], when: .grant(ana, .desk), then: .rejected("role-held")),
            StaffCase(
                "a role granted before", given: [added(ana, .desk), StaffRoleGranted(login: ana, role: .admin)], when: .grant(ana, .admin),
                then: .rejected("role-held")),
            StaffCase("an unknown login", given: [], when: .grant(ana, .desk), then: .rejected("unknown-staff")),
            StaffCase(
                "a disabled login", given: [added(ana, .desk), StaffDisabled(login: ana)], when: .grant(ana, .desk),
                then: .rejected("staff-disabled")),
        ])
    }

    func testRevoke() {
        check([
            StaffCase(
                "a role it holds", given: [added(ana, .desk, .auditor)], when: .revoke(ana, .desk),
                then: .events([StaffRoleRevoked(login: ana, role: .desk)])),
            StaffCase(
                "its last role (it may still log in, to nothing)", given: [added(ana, .desk)], when: .revoke(ana, .desk),
                then: .events([StaffRoleRevoked(login: ana, role: .desk)])),
            StaffCase("a role it does not hold", given: [added(ana, .desk)], when: .revoke(ana, .admin), then: .rejected("role-not-held")),
            StaffCase(
                "a role revoked before", given: [added(ana, .desk, .admin), StaffRoleRevoked(login: ana, role: .admin)],
                when: .revoke(ana, .admin), then: .rejected("role-not-held")),
            StaffCase("an unknown login", given: [], when: .revoke(ana, .desk), then: .rejected("unknown-staff")),
            StaffCase(
                "a disabled login", given: [added(ana, .desk), StaffDisabled(login: ana)], when: .revoke(ana, .desk),
                then: .rejected("staff-disabled")),
        ])
    }

    func testDisable() {
        check([
            StaffCase(
                "an active login", given: [added(ana, .admin)], when: .disable(ana), then: .events([StaffDisabled(login: ana)])),
            StaffCase(
                "a disabled login", given: [added(ana, .admin), StaffDisabled(login: ana)], when: .disable(ana),
                then: .rejected("staff-disabled")),
            StaffCase("an unknown login", given: [], when: .disable(ana), then: .rejected("unknown-staff")),
        ])
    }

    /// Equinox's check: the same command twice writes once; the second is a clear refusal.
    func testTheSameCommandTwiceWritesOnce() throws {
        let anas: [any DomainEvent] = [added(ana, .desk)]
        for (history, command) in [
            ([], Command.add(diego, [.admin])), (anas, .grant(ana, .auditor)), (anas, .revoke(ana, .desk)), (anas, .disable(ana)),
        ] {
            let first = try command.decide(StaffMember.fold(history))
            let after = StaffMember.fold(history + first.map(\.event))
            XCTAssertThrowsError(try command.decide(after), "\(command)") { error in
                XCTAssertNotNil(error as? Rejection, "\(command): \(error)")
            }
        }
    }

    func testTheFoldFollowsEveryChange() {
        let state = StaffMember.fold(events: [
            added(ana, .desk, .organizer), StaffRoleGranted(login: ana, role: .admin), StaffRoleRevoked(login: ana, role: .desk),
        ])
        XCTAssertEqual(state, StaffMember.State(exists: true, canLogIn: true, roles: [.organizer, .admin]))
        let disabled = StaffMember.evolve(state, StaffDisabled(login: ana))
        XCTAssertEqual(disabled, StaffMember.State(exists: true, canLogIn: false, roles: []))
        XCTAssertTrue(disabled.isDisabled)
    }

    func testEveryEventGoesOnTheLoginsStream() throws {
        let events = try Command.add(ana, [.desk]).decide(StaffMember.initialState)
        XCTAssertEqual(events.map(\.stream), [StreamName.staff(ana)])
        XCTAssertEqual(StreamName.staff(ana).rawValue, "staff-ana")
    }

    func testLoginsAndRolesAsTyped() throws {
        XCTAssertEqual(try StaffMember.login("diana.rodriguez"), StaffLogin("diana.rodriguez"))
        XCTAssertEqual(try StaffMember.role("Placements"), .placements)
        for text in ["", "pg_monitor", "citylab_admin", "CITYLAB_x", "ana smith", "ana;drop", String(repeating: "a", count: 64)] {
            XCTAssertThrowsError(try StaffMember.login(text), text) { error in
                XCTAssertEqual((error as? Rejection)?.rule, "invalid-login")
                XCTAssertEqual((error as? Rejection)?.isMalformedValue, true)
            }
        }
        XCTAssertThrowsError(try StaffMember.role("root")) { error in
            let rejection = error as? Rejection
            XCTAssertEqual(rejection?.rule, "invalid-role")
            XCTAssertEqual(rejection?.hint, "roles: organizer, placements, desk, auditor, admin")
        }
    }

    // MARK: the table

    enum Command: CustomStringConvertible {
        case add(StaffLogin, [StaffRole])
        case grant(StaffLogin, StaffRole)
        case revoke(StaffLogin, StaffRole)
        case disable(StaffLogin)

        func decide(_ state: StaffMember.State) throws -> [PendingEvent] {
            switch self {
            case .add(let login, let roles): return try StaffMember.decide(StaffMember.Add(login: login, roles: roles), state)
            case .grant(let login, let role): return try StaffMember.decide(StaffMember.Grant(login: login, role: role), state)
            case .revoke(let login, let role): return try StaffMember.decide(StaffMember.Revoke(login: login, role: role), state)
            case .disable(let login): return try StaffMember.decide(StaffMember.Disable(login: login), state)
            }
        }

        var description: String {
            switch self {
            case .add(let login, let roles): return "add \(login) \(roles.map(\.rawValue))"
            case .grant(let login, let role): return "grant \(login) \(role.rawValue)"
            case .revoke(let login, let role): return "revoke \(login) \(role.rawValue)"
            case .disable(let login): return "disable \(login)"
            }
        }
    }

    enum Then {
        case events([any DomainEvent])
        case rejected(String)
    }

    struct StaffCase {
        let name: String
        let given: [any DomainEvent]
        let when: Command
        let then: Then
        init(_ name: String, given: [any DomainEvent], when: Command, then: Then) {
            (self.name, self.given, self.when, self.then) = (name, given, when, then)
        }
    }

    func check(_ cases: [StaffCase], file: StaticString = #filePath, line: UInt = #line) {
        for item in cases {
            let outcome = Result { try item.when.decide(StaffMember.fold(item.given)) }
            switch (item.then, outcome) {
            case (.events(let expected), .success(let events)):
                XCTAssertEqual(
                    events.map { String(describing: $0.event) }, expected.map { String(describing: $0) }, item.name, file: file, line: line)
            case (.rejected(let rule), .failure(let error)):
                XCTAssertEqual((error as? Rejection)?.rule, rule, item.name, file: file, line: line)
            case (.events, .failure(let error)):
                XCTFail("\(item.name): refused with \(error)", file: file, line: line)
            case (.rejected(let rule), .success(let events)):
                XCTFail("\(item.name): expected \(rule), got \(events.map(\.event))", file: file, line: line)
            }
        }
    }

    func added(_ login: StaffLogin, _ roles: StaffRole...) -> StaffAdded { StaffAdded(login: login, roles: roles) }

    let ana = StaffLogin(unchecked: "ana")
    let diego = StaffLogin(unchecked: "diego")
}
