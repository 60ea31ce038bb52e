import Events

/// One event `audit verify` found that should not be in the log: appended by a login without
/// the authority to write it, or breaking a business rule at its position.
public struct AuditFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Appended by a login that did not hold, at that position, a role allowed to write its type.
        case authority
        /// Breaks a business rule given the events before it.
        case rules
    }

    public let kind: Kind
    public let position: Int64
    public let type: String
    /// The login recorded in its metadata; nil when none was.
    public let login: StaffLogin?
    /// What broke, in words: "… held no role allowed to append it (needs placements)".
    public let reason: String

    public init(_ kind: Kind, position: Int64, type: String, login: StaffLogin?, reason: String) {
        (self.kind, self.position, self.type, self.login, self.reason) = (kind, position, type, login, reason)
    }

    /// `position 14: PlacementConfirmed by ana: the opening opn_x was full (1 of 1 seats taken)`.
    public var description: String {
        "position \(position): \(type) by \(login?.rawValue ?? "no login"): \(reason)"
    }

    public var json: JSONValue {
        .object([
            "position": .int(position), "type": .string(type), "login": login.map { .string($0.rawValue) } ?? .null,
            "reason": .string(reason),
        ])
    }
}
