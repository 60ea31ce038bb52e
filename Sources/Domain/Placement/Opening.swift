import Events

/// The opening aggregate (stream `opening-<opn_…>`): a city hall's placement opening and the
/// confirmed placements holding its seats. The boundary of "never more confirmed placements
/// than seats": every confirm appends `OpeningSeatTaken` here.
public enum Opening: Decider {
    public struct State: Sendable, Equatable {
        public var created: OpeningCreated?
        /// Confirmed placements holding a seat, in the order they took it.
        public var seatHolders: [PlacementID] = []

        public var exists: Bool { created != nil }
        public var seats: Int { created?.seats ?? 0 }
        public var seatsTaken: Int { seatHolders.count }
        public var seatsLeft: Int { max(0, seats - seatsTaken) }
        public var hasFreeSeat: Bool { seatsTaken < seats }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let created as OpeningCreated: state.created = created
        case let taken as OpeningSeatTaken where !state.seatHolders.contains(taken.placement):
            state.seatHolders.append(taken.placement)
        case let released as OpeningSeatReleased: state.seatHolders.removeAll { $0 == released.placement }
        default: break
        }
        return state
    }

    // MARK: opening create

    public struct Create: Sendable {
        public var id: OpeningID, city: String, country: String, host: String, project: String
        /// `YYYY-MM-DD`, as typed; validated here.
        public var starts: String, ends: String
        /// `--seats`, default 1.
        public var seats: Int?
        /// `--cohort`, default the year the opening starts.
        public var cohort: Int?
        public init(
            id: OpeningID, city: String, country: String, host: String, project: String,
            starts: String, ends: String, seats: Int? = nil, cohort: Int? = nil
        ) {
            (self.id, self.city, self.country, self.host, self.project) = (id, city, country, host, project)
            (self.starts, self.ends, self.seats, self.cohort) = (starts, ends, seats, cohort)
        }
    }

    /// Reads and writes the opening's stream (the id must be new).
    public static func decide(_ command: Create, _ state: State) throws(Rejection) -> [PendingEvent] {
        guard !state.exists else {
            throw Rejection("duplicate-id", "\(command.id) already exists", hint: "choose another --id, or leave --id out")
        }
        let city = try Validate.nonEmpty(command.city, "city")
        let country = try Validate.nonEmpty(command.country, "country")
        let host = try Validate.nonEmpty(command.host, "host")
        let project = try Validate.nonEmpty(command.project, "project")
        let starts = try LocalDate.parse(command.starts, field: "--starts")
        let ends = try LocalDate.parse(command.ends, field: "--ends")
        guard starts < ends else {
            throw Rejection(
                "end-before-start", "the opening must end after it starts (starts \(starts), ends \(ends))",
                hint: "check --starts and --ends")
        }
        let seats = command.seats ?? 1
        guard (1...1000).contains(seats) else {
            throw Rejection(
                "invalid-seats", "--seats \(seats) must be between 1 and 1000",
                hint: "give a number of seats from 1 to 1000, e.g. --seats 2")
        }
        let cohort = try Cohort.validate(command.cohort ?? starts.year)
        let created = OpeningCreated(
            opening: command.id, city: city, country: country, host: host, project: project,
            starts: starts.description, ends: ends.description, seats: seats, cohort: cohort)
        return [PendingEvent(.opening(command.id), created)]
    }

    static func unknown(_ id: OpeningID) -> Rejection {
        Rejection("unknown-opening", "no opening \(id)", hint: "check the id, or create one with 'citylab opening create'")
    }
}
