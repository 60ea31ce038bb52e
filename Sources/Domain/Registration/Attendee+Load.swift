import Events

extension Attendee {
    /// The attendee `id` as registered; refused when unknown.
    static func registered(_ id: AttendeeID, _ streams: some StreamReader) throws -> (State, AttendeeRegistered) {
        let state = try streams.state(Attendee.self, .attendee(id))
        guard let registration = state.registration else {
            throw Rejection("unknown-attendee", "there is no attendee \(id)", hint: "see 'citylab attendee list', or name them by email")
        }
        return (state, registration)
    }

    /// The attendee `id`, refused also when the registration was cancelled.
    static func active(_ id: AttendeeID, _ streams: some StreamReader) throws -> (State, AttendeeRegistered) {
        let (state, registration) = try registered(id, streams)
        guard !state.isCancelled else {
            throw Rejection(
                "attendee-cancelled", "the registration of \(registration.name) (\(id)) was cancelled",
                hint: "register them again with 'citylab attendee register'")
        }
        return (state, registration)
    }
}
