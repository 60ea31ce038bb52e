import Application
import Arguments
import Domain

extension ParsedCommand {
    /// A declared positional argument's value (the parser has checked it is present).
    func argumentValue(_ name: String) throws -> String {
        guard let value = argument(name) else { throw AppError.usage("missing <\(name)>", hint: nil) }
        return value
    }
}

extension CommandOutcome {
    /// The side-effect notes a command recorded (promotions, skips, flags).
    var notes: [String] {
        guard case .array(let items) = result["notes"] ?? .array([]) else { return [] }
        return items.compactMap(\.stringValue)
    }
}
