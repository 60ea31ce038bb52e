import Events

/// The edition's program (stream `program-<edition>`): which room each session books, and
/// when (the boundary of "no room is double-booked").
public enum Program: Decider {
    public struct Booking: Sendable, Equatable {
        public var room: String
        public var span: TimeSpan
    }

    public struct State: Sendable, Equatable {
        public var bookings: [SessionID: Booking] = [:]

        /// The booking (lowest session id first) of the same room at an overlapping time,
        /// other than `session`'s own. Rooms compare ignoring case and repeated spaces.
        public func clash(room: String, span: TimeSpan, except session: SessionID) -> SessionID? {
            let key = Program.roomKey(room)
            return bookings.filter { $0.key != session && Program.roomKey($0.value.room) == key && $0.value.span.overlaps(span) }
                .keys.min()
        }
    }

    public static let initialState = State()

    public static func evolve(_ state: State, _ event: any DomainEvent) -> State {
        var state = state
        switch event {
        case let booked as RoomBooked:
            state.bookings[booked.session] = Booking(room: booked.room, span: TimeSpan(starts: booked.starts, ends: booked.ends))
        case let released as RoomReleased: state.bookings[released.session] = nil
        default: break
        }
        return state
    }

    static func roomKey(_ room: String) -> String {
        room.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
