import Events
import Foundation

/// What a command decided: the events to append and its typed result (`CommandResult`),
/// held as the JSON object the store records (`events` and `position` are added).
public struct Decision: Sendable {
    public var events: [PendingEvent]
    public var result: [String: JSONValue]

    /// Throws only if the result cannot be encoded (a programming error).
    public init(events: [PendingEvent], result: some CommandResult) throws {
        self.events = events
        guard case .object(let members) = try CanonicalJSON.value(result) else {
            throw EncodingError.invalidValue(result, EncodingError.Context(codingPath: [], debugDescription: "a result is an object"))
        }
        self.result = members
    }

    /// A `CommandSummary`: `id` and `message` only.
    public init(events: [PendingEvent], id: String, message: String) {
        self.events = events
        result = ["id": .string(id), "message": .string(message)]
    }

    /// `id`, `message` and members spelled by hand: only the staff commands still report this way.
    public init(events: [PendingEvent], id: String, message: String, extra: [String: JSONValue]) {
        self.events = events
        var result = extra
        result["id"] = .string(id)
        result["message"] = .string(message)
        self.result = result
    }
}

/// A command's outcome as printed: the stored result, and whether it replays an earlier run.
public struct CommandOutcome: Sendable {
    public let isDuplicate: Bool
    public let result: JSONValue

    public var id: String { result["id"]?.stringValue ?? "" }
    public var message: String { result["message"]?.stringValue ?? "" }
    public var position: Int64 { result["position"]?.intValue ?? 0 }
}
