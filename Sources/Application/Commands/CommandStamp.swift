import Events

/// What a command id was used for, kept in its stored result (`commands.result`) under
/// `command`: the command's name and a digest of its arguments. It tells a retry (same
/// command, same arguments) from a reused id; it is never printed.
struct CommandStamp: Equatable {
    static let key = "command"

    let name: String
    let arguments: String?

    init(name: String, arguments: String?) {
        self.name = name
        self.arguments = arguments
    }

    /// Read back from a stored result; nil for results stored before stamps existed.
    init?(_ json: JSONValue?) {
        guard let json, let name = json["name"]?.stringValue else { return nil }
        self.init(name: name, arguments: json["arguments"]?.stringValue)
    }

    var json: JSONValue {
        var members: [String: JSONValue] = ["name": .string(name)]
        if let arguments { members["arguments"] = .string(arguments) }
        return .object(members)
    }

    /// Same command, and the same arguments when both runs could tell them.
    func matches(name: String, arguments: String?) -> Bool {
        guard self.name == name else { return false }
        guard let mine = self.arguments, let theirs = arguments else { return true }
        return mine == theirs
    }

    /// The result as printed: without the stamp.
    static func removed(from result: JSONValue) -> JSONValue {
        guard case .object(var members) = result, members[key] != nil else { return result }
        members[key] = nil
        return .object(members)
    }
}
