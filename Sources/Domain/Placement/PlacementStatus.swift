import Foundation

/// Where a placement is in its lifecycle: proposed → approved → confirmed → completed, or
/// withdrawn from any of the first three. Terminal states never reopen.
public enum PlacementStatus: String, CaseIterable, Sendable {
    case proposed, approved, confirmed, withdrawn, completed

    /// Proposed, approved or confirmed: the scholar's one placement in the cohort.
    public var isActive: Bool { !isTerminal }
    public var isTerminal: Bool { self == .withdrawn || self == .completed }
    /// Only confirmed placements hold a seat in the opening.
    public var holdsSeat: Bool { self == .confirmed }
}

/// Who withdrew a placement (`placement withdraw --by`, default staff).
public enum WithdrawnBy: String, CaseIterable, Sendable {
    case scholar, host, staff

    public static func parse(_ text: String?) throws(Rejection) -> WithdrawnBy {
        guard let text else { return .staff }
        guard let by = WithdrawnBy(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw Rejection(
                "invalid-withdrawn-by", "'\(text)' is not who can withdraw a placement",
                hint: "use --by scholar, --by host or --by staff")
        }
        return by
    }
}
