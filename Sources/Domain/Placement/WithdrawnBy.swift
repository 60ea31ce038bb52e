import Foundation

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
