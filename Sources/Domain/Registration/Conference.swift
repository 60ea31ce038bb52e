import Events

/// The edition aggregate (stream `conference-<id>`): opened once, with its zone and dates.
public enum Conference: Decider {
    public struct State: Sendable, Equatable {
        public var opened: ConferenceOpened?
        public var isOpen: Bool { opened != nil }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        if let opened = event as? ConferenceOpened { state.opened = opened }
        return state
    }

    public struct Open: Sendable {
        public var id: String, name: String, city: String, timeZone: String, starts: String, ends: String
        public init(id: String, name: String, city: String, timeZone: String, starts: String, ends: String) {
            (self.id, self.name, self.city, self.timeZone, self.starts, self.ends) = (id, name, city, timeZone, starts, ends)
        }
    }

    public static func decide(_ command: Open, _ state: State) throws(Rejection) -> [PendingEvent] {
        guard let id = ConferenceID(command.id) else {
            throw Rejection(
                "invalid-id", "'\(command.id)' is not a valid edition id",
                hint: "use 2–63 lowercase letters, digits and '-', e.g. citylab-2026")
        }
        guard !state.isOpen else {
            throw Rejection("duplicate-id", "edition \(id) is already open", hint: "choose another --id")
        }
        let name = try Validate.nonEmpty(command.name, "name")
        let city = try Validate.nonEmpty(command.city, "city")
        _ = try Validate.timeZone(command.timeZone)
        let starts = try LocalDate.parse(command.starts, field: "--starts")
        let ends = try LocalDate.parse(command.ends, field: "--ends")
        guard starts <= ends else {
            throw Rejection(
                "end-before-start", "the edition ends (\(ends)) before it starts (\(starts))", hint: "check --starts and --ends")
        }
        let opened = ConferenceOpened(
            conference: id, name: name, city: city, timeZone: command.timeZone,
            starts: starts.description, ends: ends.description)
        return [PendingEvent(.conference(id), opened)]
    }
}
