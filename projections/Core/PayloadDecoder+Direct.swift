import Events

// The payloads a rebuild reads most (seats, waitlists, registrations), made straight from the
// object's fields by their initializers: what their synthesized `init(from:)` reads through
// `ObjectReader` (same keys, typed ids as their text, optionals absent or null as nil, a leave
// reason by its raw value), without Codable's containers, a box and runtime generic lookups
// per event. What they would not read throws `Unsupported`, as the containers do; the test
// that holds every event type to `JSONDecoder` holds these too.

extension PayloadDecoder {
    /// `type` made from `fields` when it is one of the payloads above; nil for any other type.
    static func direct<T>(_ type: T.Type, _ fields: [(key: String, value: Value)]) throws -> T? {
        let object = Object(fields: fields)
        switch ObjectIdentifier(type) {
        case ObjectIdentifier(Waitlisted.self):
            return Waitlisted(session: try object.id("session"), attendee: try object.id("attendee"), position: try object.int("position"))
                as? T
        case ObjectIdentifier(SeatReleased.self):
            return SeatReleased(session: try object.id("session"), attendee: try object.id("attendee"), reason: try object.reason("reason"))
                as? T
        case ObjectIdentifier(PromotedFromWaitlist.self):
            return PromotedFromWaitlist(
                session: try object.id("session"), attendee: try object.id("attendee"), position: try object.int("position")) as? T
        case ObjectIdentifier(SeatTaken.self):
            return SeatTaken(session: try object.id("session"), attendee: try object.id("attendee")) as? T
        case ObjectIdentifier(WaitlistLeft.self):
            return WaitlistLeft(
                session: try object.id("session"), attendee: try object.id("attendee"), position: try object.int("position"),
                reason: try object.reason("reason")) as? T
        case ObjectIdentifier(AttendeeRegistered.self):
            return AttendeeRegistered(
                attendee: try object.id("attendee"), conference: try object.decoded("conference"), name: try object.string("name"),
                email: try object.string("email"), role: try object.string("role"), organization: try object.optional("organization"),
                city: try object.optional("city"), tokenHash: try object.string("token_hash")) as? T
        default:
            return nil
        }
    }

    /// The fields by key, read as the containers read them (the first of a repeated key).
    private struct Object {
        let fields: [(key: String, value: Value)]

        private func value(_ key: String) -> Value? {
            for field in fields where field.key == key { return field.value }
            return nil
        }

        func string(_ key: String) throws -> String {
            guard case .string(let text) = value(key) else { throw Unsupported() }
            return text
        }

        /// `decodeIfPresent`: absent or null is nil.
        func optional(_ key: String) throws -> String? {
            switch value(key) {
            case nil, .null: return nil
            case .string(let text): return text
            default: throw Unsupported()
            }
        }

        func int(_ key: String) throws -> Int {
            guard case .int(let number) = value(key), let exact = Int(exactly: number) else { throw Unsupported() }
            return exact
        }

        func id<ID: TypedID>(_ key: String) throws -> ID { ID(unchecked: try string(key)) }

        /// Any other value, by its own `init(from:)` (as the containers read it).
        func decoded<V: Decodable>(_ key: String) throws -> V {
            guard let value = value(key) else { throw Unsupported() }
            return try PayloadDecoder.value(V.self, of: value)
        }

        func reason(_ key: String) throws -> LeaveReason {
            guard let reason = LeaveReason(rawValue: try string(key)) else { throw Unsupported() }
            return reason
        }
    }
}
